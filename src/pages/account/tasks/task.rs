//! A task's page in the Console (`/accounts/:account_sid/taskrouter/tasks/:task_sid`): the
//! task explains itself (see [`crate::components::task_story`]).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::super::{AccountScope, NoFlexYet, Requires};
use crate::components::link::href;
use crate::components::task_story::{TaskStory, status_word, story};
use crate::domain::{AccountPage, TaskSid};
use crate::store::Store;

/// The task page.
#[component]
pub fn TaskPage() -> impl IntoView {
    view! {
        <Requires page=AccountPage::Tasks>
            <Told />
        </Requires>
    }
}

#[component]
fn Told() -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    let params = use_params_map();
    let raw = Memo::new(move |_| params.with(|p| p.get("task_sid")).unwrap_or_default());
    let heading = Memo::new(move |_| {
        store.with(|c| {
            c.account(&account)
                .map(|a| (a.friendly_name.clone(), a.flex.is_some()))
        })
    });
    let list = href(&format!("/accounts/{account}/taskrouter/tasks"));
    move || {
        let (name, has_flex) = heading.get()?;
        let list = list.clone();
        let body = if !has_flex {
            view! { <h1 id="task-title">"Task"</h1><NoFlexYet what="TaskRouter resources" provisioned=true /> }.into_any()
        } else {
            match raw.get().parse::<TaskSid>() {
                Err(_) => view! {
                    <h1 id="task-title">"Task"</h1>
                    <p data-testid="task-missing">{format!("{} is not a task SID: a task SID is WT and 32 hex digits.", raw.get())}</p>
                }
                .into_any(),
                Ok(task) => {
                    let told = story(account, task);
                    view! {
                        {move || match told.get() {
                            Some(s) => view! {
                                <h1 id="task-title">{format!("{} · {}", s.caller, status_word(s.status))}</h1>
                                <TaskStory account task story=s />
                            }.into_any(),
                            None => view! {
                                <h1 id="task-title">"Task"</h1>
                                <p data-testid="task-missing">{format!("There is no task {task}: TaskRouter deletes a task five minutes after it ends.")}</p>
                            }.into_any(),
                        }}
                    }
                    .into_any()
                }
            }
        };
        Some(view! {
            <section class="page page-wide product-page task-page" aria-labelledby="task-title">
                <p class="eyebrow">{name} " · " <a href=list>"Tasks"</a></p>
                {body}
            </section>
        })
    }
}
