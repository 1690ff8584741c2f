//! A task queue's fields, as Twilio labels them: Task Queue Name, Queue Expression (with the
//! workers it targets, answered as it is typed), Max Reserved Workers and Task Order. Used by
//! "Create task queue" and by a queue's own page.

use leptos::prelude::*;

use crate::domain::{TaskOrder, TaskQueueSpec};
use crate::pages::account::taskrouter::matching::{MatchLine, queue_answer};
use crate::pages::account::taskrouter::{shown_number, typed_number};

/// The fields of a queue form, reading `spec` and reporting each change through `edit`.
#[component]
pub fn QueueFields(
    /// Unique on the page: the fields' ids start with it ("new-queue").
    prefix: &'static str,
    /// What the form holds now.
    #[prop(into)]
    spec: Signal<TaskQueueSpec>,
    /// A changed form.
    edit: Callback<TaskQueueSpec>,
) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    let change = move |apply: Box<dyn FnOnce(&mut TaskQueueSpec)>| {
        let mut next = spec.get_untracked();
        apply(&mut next);
        edit.run(next);
    };
    let answer = queue_answer(move || spec.with(|s| s.target_workers.clone()));
    let match_id = id("match");
    view! {
        <div class="form-field">
            <label class="field-label" for=id("name")>"Task Queue Name"</label>
            <input class="input" id=id("name") type="text" autocomplete="off" maxlength="64"
                prop:value=move || spec.with(|s| s.friendly_name.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    change(Box::new(move |s| s.friendly_name = text));
                } />
        </div>
        <div class="form-field">
            <label class="field-label" for=id("expression")>"Queue Expression"</label>
            <textarea class="input expression-input" id=id("expression") rows="2" spellcheck="false"
                aria-describedby=format!("{} {}", match_id, id("expression-hint"))
                aria-invalid=move || answer.with(|a| a.is_problem()).then_some("true")
                prop:value=move || spec.with(|s| s.target_workers.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    change(Box::new(move |s| s.target_workers = text));
                }></textarea>
            <MatchLine id=match_id answer />
            <p class="hint" id=id("expression-hint")>
                "Which workers the queue targets, over their attributes: "
                <code>"routing.skills HAS 'sales'"</code> ", " <code>"routing.levels.support >= 5"</code>
                "; " <code>"1==1"</code> " targets every worker."
            </p>
        </div>
        <div class="form-row">
            <div class="form-field">
                <label class="field-label" for=id("reserved")>"Max Reserved Workers"</label>
                <input class="input input-number" id=id("reserved") type="number" min="1" max="50" inputmode="numeric"
                    prop:value=move || spec.with(|s| shown_number(s.max_reserved_workers))
                    on:input=move |ev| {
                        let n = typed_number(&event_target_value(&ev));
                        change(Box::new(move |s| s.max_reserved_workers = n));
                    } />
            </div>
            <div class="form-field">
                <label class="field-label" for=id("order")>"Task Order"</label>
                <select class="input" id=id("order")
                    on:change=move |ev| {
                        let order = if event_target_value(&ev) == "LIFO" { TaskOrder::Lifo } else { TaskOrder::Fifo };
                        change(Box::new(move |s| s.task_order = order));
                    }>
                    {[TaskOrder::Fifo, TaskOrder::Lifo].into_iter().map(|order| view! {
                        <option value=order.to_string() prop:selected=move || spec.with(|s| s.task_order == order)>
                            {match order {
                                TaskOrder::Fifo => "FIFO: higher priority first, then oldest",
                                TaskOrder::Lifo => "LIFO: newest first",
                            }}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}
