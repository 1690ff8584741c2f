//! The icons of Flex's side rail, one per view: drawn inline (no icon font, no request), in
//! the current colour, hidden from assistive technology (each link is named by its text).

use leptos::prelude::*;

use crate::domain::flex::view::FlexView;

/// The SVG path data of a view's icon, on a 24 × 24 grid, drawn as strokes.
fn path_of(view: FlexView) -> &'static str {
    match view {
        // A headset.
        FlexView::AgentDesktop => {
            "M4 14v-2a8 8 0 0 1 16 0v2 M4 14h3v6H5a1 1 0 0 1-1-1z M20 14h-3v6h2a1 1 0 0 0 1-1z M17 20c0 1.5-2 2-5 2"
        }
        // Two people.
        FlexView::Teams => {
            "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6 M16 4.5a3.5 3.5 0 0 1 0 6.5 M18 14.5c2.2.8 3.5 2.8 3.5 5.5"
        }
        // Bars rising.
        FlexView::Queues => "M4 20V13 M10 20V8 M16 20V11 M22 20H2 M20 20V5",
        // A gear-like dial.
        FlexView::Admin => {
            "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M12 2v3 M12 19v3 M2 12h3 M19 12h3 M4.9 4.9l2.1 2.1 M17 17l2.1 2.1 M4.9 19.1L7 17 M17 7l2.1-2.1"
        }
        // A badge.
        FlexView::Skills => {
            "M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4l-5.2 2.7 1-5.8L3.5 9.2l5.9-.9z"
        }
        // A line over a frame.
        FlexView::Insights => "M3 3v18h18 M7 15l4-4 3 3 6-7",
    }
}

/// The icon of a Flex view.
#[component]
pub fn ViewIcon(
    /// The view.
    view: FlexView,
) -> impl IntoView {
    view! {
        <svg class="rail-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=path_of(view) fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
