//! The Data page's restore points: what each replaced state was, and Restore (itself undoable:
//! the state it replaces becomes a restore point in its turn).

use leptos::prelude::*;

use crate::store::Store;
use crate::store::db::RESTORE_POINTS_KEPT;
use crate::store::restore::{RestorePoint, changes_text, local_time};

/// The list, read again whenever the stored revision changes (in this tab or another).
#[component]
pub fn RestorePoints() -> impl IntoView {
    let store = Store::get();
    let points = LocalResource::new(move || {
        store.revision();
        async move { store.restore_points().await }
    });
    // Where it stands (and why it failed) is the store's to say: see `progress`.
    let restore = move |point: RestorePoint| {
        leptos::task::spawn_local(async move {
            let _ = store.restore(&point).await;
        });
    };
    view! {
        <section class="data-section" id="restore-points" aria-labelledby="data-restore-title">
            <h2 id="data-restore-title">"Restore points"</h2>
            <p>{format!(
                "Before a scenario, an import, a reset or a restore replaces the data, the data it replaces is kept here (the last {RESTORE_POINTS_KEPT}, in this browser, for every tab). They are not part of exports."
            )}</p>
            {move || (store.dropped_for_space() > 0).then(|| view! {
                <p class="notice" data-testid="restore-dropped">
                    {format!(
                        "Storage is short: {} older restore point(s) were dropped to make room.",
                        store.dropped_for_space()
                    )}
                </p>
            })}
            <super::progress::Progress of=super::progress::Of::Restore />
            {move || match points.get() {
                None => view! { <p class="muted">"Reading the restore points\u{2026}"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="form-error" role="alert">{format!("The restore points could not be read: {e}")}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! {
                    <p class="empty" data-testid="no-restore-points">"No restore points yet: the data has not been replaced in this browser."</p>
                }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="restore-points" data-testid="restore-points">
                        {list.into_iter().map(|point| {
                            let s = &point.summary;
                            let when = local_time(s.at);
                            let label = format!("Restore the data from before {when}");
                            let text = format!(
                                "Replaced by {} on {when}: {} accounts, {} Console users, {} since it was loaded (Console time {}).",
                                s.replaced_by, s.accounts, s.users, changes_text(s.changes), s.console_time
                            );
                            let chosen = point.clone();
                            view! {
                                <li data-testid="restore-point">
                                    <span>{text}</span>
                                    <button type="button" class="button button-small" aria-label=label
                                        on:click=move |_| restore(chosen.clone())>
                                        "Restore"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
