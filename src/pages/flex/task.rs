//! A task's page in Flex (`/flex/:account_sid/tasks/:task_sid`): the task explains itself
//! (see [`crate::components::task_story`]). Agents see the tasks offered to them; those who
//! see queue stats see every task (the domain decides, [`crate::domain::Console::task_visible_to`]).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{FlexScope, view_path};
use crate::components::link::href;
use crate::components::task_story::{TaskStory, status_word, story};
use crate::domain::TaskSid;
use crate::domain::flex::view::FlexView;
use crate::store::Store;

/// The task page.
#[component]
pub fn TaskPage() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let params = use_params_map();
    let raw = Memo::new(move |_| params.with(|p| p.get("task_sid")).unwrap_or_default());
    let account = *scope.account();
    let back = href(&view_path(&account, FlexView::AgentDesktop));
    // Whether this worker may look at it, or why not (the domain's answer).
    let allowed = {
        let scope = scope.clone();
        Memo::new(move |_| {
            let raw = raw.get();
            let Ok(task) = raw.parse::<TaskSid>() else {
                return Err(format!(
                    "{raw} is not a task SID: a task SID is WT and 32 hex digits."
                ));
            };
            let roles = scope.roles();
            store.with(|c| {
                c.task_visible_to(&account, scope.worker(), &roles, &task)
                    .map(|_| task)
                    .map_err(|e| e.to_string())
            })
        })
    };
    move || match allowed.get() {
        Err(why) => view! {
            <section class="page" aria-labelledby="task-title" data-testid="task-hidden">
                <h1 id="task-title">"Task"</h1>
                <p>{why}</p>
                <p><a href=back.clone()>"Back to the agent desktop"</a></p>
            </section>
        }
        .into_any(),
        Ok(task) => {
            let told = story(account, task);
            let back = back.clone();
            view! {
                <section class="page task-page" aria-labelledby="task-title">
                    <p class="eyebrow"><a href=back>"Agent desktop"</a></p>
                    {move || told.get().map(|s| view! {
                        <h1 id="task-title">{format!("{} · {}", s.caller, status_word(s.status))}</h1>
                        <TaskStory account task story=s />
                    })}
                </section>
            }
            .into_any()
        }
    }
}
