//! The pager under a long table (docs/design.md, "Filter bar and pager"): rows per page, which
//! rows are shown ("26–50 of 15,000") and the previous and next page (‹ ›), on one line that
//! never wraps, also on a phone.

use leptos::prelude::*;

use super::count::thousands;

/// The page sizes a table offers; the first is the default.
pub const PAGE_SIZES: [usize; 3] = [25, 50, 100];

/// Which rows a page shows, of how many: "26–50 of 15,000" (`page` from 1); "0 of 0" for none.
pub fn range(page: usize, size: usize, total: usize) -> String {
    if total == 0 {
        return "0 of 0".to_owned();
    }
    let start = (page - 1) * size + 1;
    let end = (start + size - 1).min(total);
    format!(
        "{}–{} of {}",
        thousands(start),
        thousands(end),
        thousands(total)
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
    /// How many rows there are in all (those the filters let through).
    total: Memo<usize>,
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
        <nav class="pager" aria-label=label>
            <label class="pager-size-label" for=size_id.clone()>"Rows per page"</label>
            <select
                class="input pager-size"
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
            <span class="pager-range" data-testid="page-status" aria-live="polite">
                {move || range(page.get(), page_size.get(), total.get())}
            </span>
            <button
                type="button"
                class="button pager-step"
                aria-label="Previous page"
                disabled=move || { page.get() <= 1 }
                on:click=move |_| on_page.run(page.get_untracked() - 1)
            >
                <span aria-hidden="true">"‹"</span>
            </button>
            <button
                type="button"
                class="button pager-step"
                aria-label="Next page"
                disabled=move || { page.get() >= pages.get() }
                on:click=move |_| on_page.run(page.get_untracked() + 1)
            >
                <span aria-hidden="true">"›"</span>
            </button>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::{page_count, range};

    #[test]
    fn a_page_says_which_rows_it_shows() {
        assert_eq!(range(1, 25, 15_000), "1–25 of 15,000");
        assert_eq!(range(600, 25, 15_000), "14,976–15,000 of 15,000");
        assert_eq!(range(1, 25, 1), "1–1 of 1");
        assert_eq!(range(1, 25, 0), "0 of 0");
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
