//! Agent desktop (`/flex/:account_sid/agent-desktop`): the worker's own activity.

use leptos::prelude::*;

use super::status::{own_status, set_own_activity};
use super::{FlexPage, FlexScope};
use crate::domain::ActivitySid;
use crate::domain::flex::view::FlexView;
use crate::store::Store;

/// The agent desktop.
#[component]
pub fn AgentDesktop() -> impl IntoView {
    view! { <FlexPage view=FlexView::AgentDesktop><Desk /></FlexPage> }
}

#[component]
fn Desk() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let status = own_status(&scope);
    let me = {
        let scope = scope.clone();
        Memo::new(move |_| {
            store.with(|c| {
                c.worker(scope.account(), scope.worker())
                    .map(|w| {
                        (
                            w.full_name.clone(),
                            w.identity.to_string(),
                            w.role_names().join(", "),
                            w.sid.to_string(),
                        )
                    })
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <section class="page" aria-labelledby="agent-desktop-title">
            <h1 id="agent-desktop-title">"Agent desktop"</h1>
            <dl class="fields">
                <div class="field"><dt>"Name"</dt><dd>{move || me.get().0}</dd></div>
                <div class="field"><dt>"Identity"</dt><dd>{move || me.get().1}</dd></div>
                <div class="field"><dt>"Roles"</dt><dd data-testid="flex-roles">{move || me.get().2}</dd></div>
                <div class="field"><dt>"Worker SID"</dt><dd><code>{move || me.get().3}</code></dd></div>
                <div class="field"><dt>"Activity"</dt><dd data-testid="own-activity">{move || status.get().current_name}</dd></div>
            </dl>
            <div class="card">
                <h2 id="set-activity-title">"Set your activity"</h2>
                <p class="hint">"Available workers receive tasks; Unavailable and Offline workers do not."</p>
                {move || {
                    let s = status.get();
                    let refused = s.refused.clone();
                    let scope = scope.clone();
                    view! {
                        <div class="actions" role="group" aria-labelledby="set-activity-title">
                            {s.activities.iter().map(|(sid, name)| {
                                let pressed = *sid == s.current;
                                let sid = sid.clone();
                                let scope = scope.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="button"
                                        class:button-primary=pressed
                                        aria-pressed=pressed.to_string()
                                        disabled=refused.is_some()
                                        aria-describedby=refused.as_ref().map(|_| "set-activity-why")
                                        on:click=move |_| {
                                            if let Ok(activity) = sid.parse::<ActivitySid>() {
                                                let _ = set_own_activity(&scope, activity);
                                            }
                                        }
                                    >
                                        {name.clone()}
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                        {refused.map(|why| view! { <p id="set-activity-why" class="hint">{why}</p> })}
                    }
                }}
            </div>
        </section>
    }
}
