//! A column header that sorts its table by the column: pressed once ascending, again
//! descending; `aria-sort` tells a screen reader which way.

use leptos::prelude::*;

/// A sortable column's header.
#[component]
pub fn SortHeader(
    /// The column's name.
    label: &'static str,
    /// Whether the table is sorted by this column: `Some(descending)`, or None.
    #[prop(into)]
    sorted: Signal<Option<bool>>,
    /// Sorts by this column (the page turns a second press into descending).
    on_sort: Callback<()>,
    /// Extra classes for the cell (e.g. `col-secondary`).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let aria_sort = move || match sorted.get() {
        Some(false) => "ascending",
        Some(true) => "descending",
        None => "none",
    };
    view! {
        <th scope="col" class=class aria-sort=aria_sort>
            <button type="button" class="sort-button" on:click=move |_| on_sort.run(())>
                {label}
                <span aria-hidden="true" class="sort-mark">
                    {move || match sorted.get() {
                        Some(false) => " ▲",
                        Some(true) => " ▼",
                        None => "",
                    }}
                </span>
            </button>
        </th>
    }
}
