//! A progress bar on standard error for long work, only when it is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Below this many bytes work finishes before a bar would be worth drawing.
const MIN_BYTES: u64 = 64 << 20;

/// A callback that reports bytes done, drawing a bar when standard error is a terminal and the
/// input is large (or of unknown size).
pub fn reporter(total: Option<u64>, label: &str) -> Box<dyn FnMut(u64) + Send> {
    if !std::io::stderr().is_terminal() || total.is_some_and(|t| t < MIN_BYTES) {
        return Box::new(|_| {});
    }
    let bar = match total {
        Some(t) => ProgressBar::new(t).with_style(
            ProgressStyle::with_template(
                "{msg} {bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {eta}",
            )
            .expect("a valid template"),
        ),
        None => ProgressBar::no_length().with_style(
            ProgressStyle::with_template("{msg} {binary_bytes} {binary_bytes_per_sec}")
                .expect("a valid template"),
        ),
    };
    bar.set_message(label.to_string());
    Box::new(move |done| {
        bar.set_position(done);
        if total.is_some_and(|t| done >= t) {
            bar.finish_and_clear();
        }
    })
}
