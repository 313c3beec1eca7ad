//! One module per page.

pub mod check;
pub mod generate;
pub mod home;
pub mod reports;
pub mod stored;
pub mod validate;
