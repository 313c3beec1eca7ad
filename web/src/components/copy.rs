//! A value shown as code with a copy button.

use crate::i18n::{t, tr};
use crate::util;
use gloo::timers::callback::Timeout;
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

/// A labelled, copyable value. The button says "Copied" for two seconds, then is ready again; its accessible
/// name says what it copies ("Copy: Name: _smtp._tls.example.com"), so seven buttons on a page are told apart.
#[function_component(CopyField)]
pub fn copy_field(p: &CopyFieldProps) -> Html {
    let copied = use_state(|| false);
    let reset = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let value = p.value.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            util::copy(&value);
            copied.set(true);
            let copied = copied.clone();
            *reset.borrow_mut() = Some(Timeout::new(2_000, move || copied.set(false)));
        })
    };
    // "Copy: Name: _smtp._tls.example.com": the label and the start of the value tell the buttons apart
    let first = p.value.lines().next().unwrap_or_default();
    let what = match util::cut(first, 48) {
        Some(start) => format!("{}: {start}…", p.label),
        None => format!("{}: {first}", p.label),
    };
    html! {
        <div class="copy-field">
            <div class="copy-head">
                <span class="label">{ p.label.clone() }</span>
                <button type="button" class="btn small" aria-label={tr(if *copied { "ui--copied-what" } else { "ui--copy-what" }, &[("what", what)])} {onclick}>{ if *copied { t("ui--copied") } else { t("ui--copy") } }</button>
            </div>
            <pre id={p.id.clone()} class="code">{ p.value.clone() }</pre>
        </div>
    }
}
