//! A value shown as code with a copy button.

use crate::i18n::t;
use crate::util;
use yew::prelude::*;

/// Props of [`CopyField`].
#[derive(Properties, PartialEq)]
pub struct CopyFieldProps {
    /// Label above the value.
    pub label: AttrValue,
    /// The value.
    pub value: AttrValue,
    /// The id of the element holding the value (a test hook).
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// A labelled, copyable value.
#[function_component(CopyField)]
pub fn copy_field(p: &CopyFieldProps) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let value = p.value.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            util::copy(&value);
            copied.set(true);
        })
    };
    html! {
        <div class="copy-field">
            <div class="copy-head">
                <span class="label">{ p.label.clone() }</span>
                <button type="button" class="btn small" {onclick}>{ if *copied { t("ui--copied") } else { t("ui--copy") } }</button>
            </div>
            <pre id={p.id.clone()} class="code">{ p.value.clone() }</pre>
        </div>
    }
}
