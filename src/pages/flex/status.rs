//! The worker's own status (TaskRouter activity): read from the worker record, changed
//! with `SetWorkerActivity` as the Flex session's actor.

use leptos::prelude::*;

use super::FlexScope;
use crate::components::offer::{Refusal, refusal};
use crate::components::toast::Toasts;
use crate::domain::{AccountSid, ActivitySid, Command, Console, DomainError, Event, Presence};
use crate::store::Store;

/// What the status controls show.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnStatus {
    /// The workspace's activities: (SID, name).
    pub activities: Vec<(String, String)>,
    /// The worker's current activity SID.
    pub current: String,
    /// Its name.
    pub current_name: String,
    /// Whether it takes work, for the status dot.
    pub presence: Presence,
}

/// The class of a status dot: green available, red unavailable, grey offline.
pub fn dot_class(presence: Presence) -> &'static str {
    match presence {
        Presence::Available => "status-dot status-available",
        Presence::Unavailable => "status-dot status-unavailable",
        Presence::Offline => "status-dot status-offline",
    }
}

/// The workspace's activities as (SID, name), for a picker.
pub fn activity_options(c: &Console, account: &AccountSid) -> Vec<(String, String)> {
    c.account(account)
        .and_then(|a| a.flex.as_ref())
        .map(|f| {
            f.workspace
                .activities
                .iter()
                .map(|a| (a.sid.to_string(), a.friendly_name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// The worker's status (tracked).
pub fn own_status(scope: &FlexScope) -> Memo<OwnStatus> {
    let scope = scope.clone();
    Memo::new(move |_| {
        let store = Store::get();
        store.with(|c| {
            let activities = activity_options(c, scope.account());
            let activity = c
                .worker(scope.account(), scope.worker())
                .map(|w| w.activity);
            let presence = activity.map_or(Presence::Offline, |a| c.presence(scope.account(), &a));
            let current = activity.map(|a| a.to_string()).unwrap_or_default();
            let current_name = activities
                .iter()
                .find(|(sid, _)| *sid == current)
                .map(|(_, name)| name.clone())
                .unwrap_or_default();
            OwnStatus {
                activities,
                current,
                current_name,
                presence,
            }
        })
    })
}

/// Sets the worker's own activity; the domain decides, and a refusal is shown as an error toast.
pub fn set_own_activity(scope: &FlexScope, activity: ActivitySid) -> Result<Event, DomainError> {
    let toasts = Toasts::get();
    let command = Command::SetWorkerActivity {
        account: *scope.account(),
        activity,
    };
    let result = Store::get().apply_as(&scope.actor(), command);
    match &result {
        Ok(event) => {
            if let crate::domain::EventKind::WorkerActivitySet { activity_name, .. } = &event.kind {
                toasts.success(format!("Your status is now {activity_name}."));
            }
        }
        Err(e) => toasts.error(e.to_string()),
    }
    result
}

/// The status picker in the Flex top bar: disabled, with the reason shown, when the
/// worker's roles do not allow changing it.
#[component]
pub fn StatusPicker() -> impl IntoView {
    let scope = FlexScope::get();
    let status = own_status(&scope);
    let store = Store::get();
    let (account, worker, actor) = (*scope.account(), *scope.worker(), scope.actor());
    // Asked with the activity the worker has: whether they may change it at all (an error
    // about the activity picked would be shown once picked, as a toast).
    let refused: Refusal = Memo::new(move |_| {
        let activity = store.with(|c| c.worker(&account, &worker).map(|w| w.activity))?;
        refusal(store.check(&actor, &Command::SetWorkerActivity { account, activity }))
    });
    let change = move |ev: leptos::ev::Event| {
        // The options are the workspace's activity SIDs, so they always parse.
        let Ok(activity) = event_target_value(&ev).parse::<ActivitySid>() else {
            return;
        };
        if set_own_activity(&scope, activity).is_err() {
            // Put the select back on the activity the worker really has.
            status.with_untracked(|s| set_select_value(&ev, &s.current));
        }
    };
    view! {
        <div class="flex-status">
            {move || {
                let s = status.get();
                let refused = refused.get();
                view! {
                    <span class="status-pill" class:status-pill-refused=refused.is_some() data-testid="status-pill">
                        <span class=dot_class(s.presence) aria-hidden="true"></span>
                        <label class="visually-hidden" for="flex-status-select">"Your status"</label>
                        <select
                            id="flex-status-select"
                            class="flex-status-select"
                            disabled=refused.is_some()
                            aria-describedby=refused.as_ref().map(|_| "flex-status-why")
                            on:change=change.clone()
                        >
                            {s.activities.iter().map(|(sid, name)| view! {
                                <option value=sid.clone() selected=*sid == s.current>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </span>
                    {refused.map(|why| view! { <span id="flex-status-why" class="flex-status-why">{why}</span> })}
                }
            }}
        </div>
    }
}

fn set_select_value(ev: &leptos::ev::Event, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(select) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
    {
        select.set_value(value);
    }
}
