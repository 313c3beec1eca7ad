//! Reusable pieces: diagnostics, copy buttons, sortable tables, the report dashboard and its chart.

pub mod chart;
pub mod copy;
pub mod dashboard;
pub mod diagnostics;
pub mod table;
