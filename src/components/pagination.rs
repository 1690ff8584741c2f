//! Paging a long table: rows per page, previous and next, and "Page 2 of 600".

use leptos::prelude::*;

use super::count::{count, thousands};

/// The page sizes a table offers; the first is the default.
pub const PAGE_SIZES: [usize; 3] = [25, 50, 100];

/// Which rows a page shows, of how many: "Showing 26–50 of 15,000 workers" (`page` from 1).
pub fn showing(page: usize, size: usize, total: usize, one: &str, many: &str) -> String {
    let start = (page - 1) * size + 1;
    let end = (start + size - 1).min(total);
    format!(
        "Showing {}–{} of {}",
        thousands(start),
        thousands(end),
        count(total, one, many)
    )
}

/// How many pages `total` rows fill (at least one, so "Page 1 of 1" for none).
pub fn page_count(total: usize, page_size: usize) -> usize {
    total.div_ceil(page_size.max(1)).max(1)
}

/// The pages of a table of `total` rows at `size` rows a page: how many there are, and the
/// page shown, which is the one `asked` for kept within them (a page past the end, after a
/// search or a removal, shows the last page).
pub fn paging(
    total: Memo<usize>,
    asked: Signal<usize>,
    size: Signal<usize>,
) -> (Memo<usize>, Memo<usize>) {
    let pages = Memo::new(move |_| page_count(total.get(), size.get()));
    let page = Memo::new(move |_| asked.get().clamp(1, pages.get()));
    (pages, page)
}

/// The pager under a table. It only reports choices; the page keeps them (in its URL).
#[component]
pub fn Pagination(
    /// The accessible name, e.g. "Pages of members".
    #[prop(into)]
    label: String,
    /// The id of the page-size select.
    #[prop(into)]
    size_id: String,
    /// The page shown, from 1.
    page: Memo<usize>,
    /// How many pages there are.
    pages: Memo<usize>,
    /// Rows per page now.
    #[prop(into)]
    page_size: Signal<usize>,
    /// A new page size was chosen.
    #[prop(into)]
    on_size: Callback<usize>,
    /// Another page was chosen.
    #[prop(into)]
    on_page: Callback<usize>,
) -> impl IntoView {
    view! {
        <nav class="pagination" aria-label=label>
            <div class="form-field form-field-inline">
                <label class="field-label" for=size_id.clone()>"Rows per page"</label>
                <select
                    class="input"
                    id=size_id
                    prop:value=move || page_size.get().to_string()
                    on:change=move |ev| {
                        on_size.run(event_target_value(&ev).parse().unwrap_or(PAGE_SIZES[0]))
                    }
                >
                    {PAGE_SIZES
                        .into_iter()
                        .map(|s| view! { <option value=s.to_string()>{s.to_string()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="pagination-pages">
            <button
                type="button"
                class="button"
                disabled=move || { page.get() <= 1 }
                on:click=move |_| on_page.run(page.get_untracked() - 1)
            >
                "Previous page"
            </button>
            <span data-testid="page-status">{move || format!("Page {} of {}", thousands(page.get()), thousands(pages.get()))}</span>
            <button
                type="button"
                class="button"
                disabled=move || { page.get() >= pages.get() }
                on:click=move |_| on_page.run(page.get_untracked() + 1)
            >
                "Next page"
            </button>
            </div>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::{page_count, showing};

    #[test]
    fn a_page_says_which_rows_it_shows() {
        assert_eq!(
            showing(1, 25, 15_000, "worker", "workers"),
            "Showing 1–25 of 15,000 workers"
        );
        assert_eq!(
            showing(600, 25, 15_000, "worker", "workers"),
            "Showing 14,976–15,000 of 15,000 workers"
        );
        assert_eq!(
            showing(1, 25, 1, "worker", "workers"),
            "Showing 1–1 of 1 worker"
        );
    }

    #[test]
    fn page_counts_round_up_and_never_reach_zero() {
        assert_eq!(page_count(0, 25), 1);
        assert_eq!(page_count(25, 25), 1);
        assert_eq!(page_count(26, 25), 2);
        assert_eq!(page_count(3_000, 100), 30);
        assert_eq!(page_count(15_000, 100), 150);
    }
}
