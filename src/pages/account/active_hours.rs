//! The Active User Hours lines of the Flex overview and Billing: free hours left, used and
//! billed beyond the free ones, from the domain's [`Console::active_user_hours`] at the
//! Console clock, following it while the page stays open.
//!
//! [`Console::active_user_hours`]: crate::domain::Console::active_user_hours

use leptos::prelude::*;

use super::AccountScope;
use crate::components::count::thousands;
use crate::domain::Hours;
use crate::domain::flex::FREE_ACTIVE_USER_HOURS;
use crate::store::Store;

/// The Active User Hours fields, inside a `<dl class="fields">`.
#[component]
pub fn ActiveHoursFields() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    // Sums the workspace's workers (up to 15,000) once a minute and after each command, not
    // per render; the memo wakes the view only when a shown figure changes.
    let hours = Memo::new(move |_| {
        let now = store.now_ticking();
        store
            .with(|c| c.active_user_hours(&scope.account, now))
            .map(|h| Shown {
                free: h.free_hours,
                left: h.left(),
                used: h.used(),
                beyond: h.beyond_free(),
            })
    });
    let line = |label: &'static str, testid: &'static str, value: String, note: String| {
        view! {
            <div class="field">
                <dt>{label}</dt>
                <dd><span data-testid=testid>{value}</span> " " <span class="muted">{note}</span></dd>
            </div>
        }
    };
    move || match hours.get() {
        None => line(
            "Free Active User Hours",
            "hours-left",
            "None".into(),
            format!(
                "on a trial; upgrading to a paid plan grants {}",
                thousands(FREE_ACTIVE_USER_HOURS as usize)
            ),
        )
        .into_any(),
        Some(h) => view! {
            {line(
                "Free Active User Hours left",
                "hours-left",
                h.left.to_string(),
                format!("of {}", thousands(h.free as usize)),
            )}
            {line(
                "Active User Hours used",
                "hours-used",
                h.used.to_string(),
                "while workers were Available, since the upgrade".into(),
            )}
            {line(
                "Beyond the free hours",
                "hours-beyond",
                h.beyond.to_string(),
                "billed".into(),
            )}
        }
        .into_any(),
    }
}

/// The figures as shown, to the tenth: the memo wakes the view only when one of them changes,
/// not each minute a worker is Available.
#[derive(Clone, Copy, PartialEq)]
struct Shown {
    free: u32,
    left: Hours,
    used: Hours,
    beyond: Hours,
}
