//! The workflow's routing as a form, labelled as Twilio labels it: filters in order (Filter
//! Name, Matching Tasks, routing steps: Task Queue, Expression, Priority, Timeout, Skip If,
//! Ordering) and the Default Task Queue. Filters and steps are added, removed and moved with
//! buttons that work from the keyboard; focus follows what moved.
//!
//! The rows are keyed by position and read their values from the form, so typing changes a
//! field's text and nothing is rebuilt; moving a filter swaps values between positions.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::form::WorkflowForm;
use crate::components::focus;
use crate::domain::taskrouter::Ordering;
use crate::domain::taskrouter::expression::{Expression, Scope};
use crate::domain::{Filter, Target, TaskQueueSid};
use crate::pages::account::taskrouter::matching::{MatchLine, NoWorkerMatches, step_answer};
use crate::pages::account::taskrouter::{shown_number, typed_number, typed_optional};

/// A queue a step or the default may route to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QueueOption {
    /// Its SID.
    pub sid: TaskQueueSid,
    /// Its name.
    pub name: String,
    /// How many workers it targets.
    pub members: usize,
}

/// Focuses the element with this id once the page has drawn the change.
fn focus_id(id: String) {
    focus::soon(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// What an expression field says about its text: nothing while it reads, else where it goes
/// wrong (the domain's parser).
fn parse_problem(text: &str, scope: Scope) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Expression::parse(text, scope).err().map(|e| e.to_string())
}

/// The name and Task Reservation Timeout.
#[component]
pub fn WorkflowFields(form: WorkflowForm) -> impl IntoView {
    view! {
        <div class="form-row">
            <div class="form-field">
                <label class="field-label" for="workflow-name">"Workflow Name"</label>
                <input class="input" id="workflow-name" type="text" autocomplete="off" maxlength="64"
                    prop:value=move || form.read(|s| s.friendly_name.clone()).unwrap_or_default()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        form.edit(|s| s.friendly_name = text);
                    } />
            </div>
            <div class="form-field">
                <label class="field-label" for="workflow-timeout">"Task Reservation Timeout (seconds)"</label>
                <input class="input input-number" id="workflow-timeout" type="number" min="1" max="86400" inputmode="numeric"
                    aria-describedby="workflow-timeout-hint"
                    prop:value=move || form.read(|s| shown_number(s.task_reservation_timeout)).unwrap_or_default()
                    on:input=move |ev| {
                        let n = typed_number(&event_target_value(&ev));
                        form.edit(|s| s.task_reservation_timeout = n);
                    } />
                <p class="hint" id="workflow-timeout-hint">"How long a worker has to accept a reservation: 1 to 86,400."</p>
            </div>
        </div>
    }
}

/// The filters, in order, and "Add a filter".
#[component]
pub fn FiltersEditor(form: WorkflowForm, queues: Memo<Vec<QueueOption>>) -> impl IntoView {
    let count = Memo::new(move |_| form.read(|s| s.configuration.filters.len()).unwrap_or(0));
    let add = move |_| {
        let at = count.get_untracked();
        form.edit(|s| {
            s.configuration.filters.push(Filter {
                name: String::new(),
                expression: String::new(),
                targets: vec![Target::default()],
            })
        });
        focus_id(format!("filter-{at}-name"));
    };
    view! {
        <section class="filters" aria-labelledby="filters-title">
            <h3 id="filters-title">"Filters"</h3>
            <p class="hint">"Tried from the top: the first whose Matching Tasks holds takes the task through its routing steps."</p>
            <Show when=move || { count.get() == 0 }>
                <p class="muted" data-testid="no-filters">"No filters: every task goes to the Default Task Queue."</p>
            </Show>
            <ol class="filter-list">
                <For each=move || 0..count.get() key=|i| *i let:i>
                    <FilterEditor form i count queues />
                </For>
            </ol>
            <button type="button" class="button" id="add-filter" on:click=add>"Add a filter"</button>
        </section>
    }
}

/// A button that moves or removes something, refused at the ends of the list without losing
/// focus (`aria-disabled`, not `disabled`).
#[component]
fn MoveButton(
    id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] refused: Signal<bool>,
    on_press: Callback<()>,
    text: &'static str,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    view! {
        <button type="button" id=id class="button button-small" class:button-danger=danger
            aria-label=move || label.get()
            aria-disabled=move || refused.get().then_some("true")
            on:click=move |_| if !refused.get_untracked() { on_press.run(()) }>
            {text}
        </button>
    }
}

/// One filter: its name, Matching Tasks, steps and the buttons that move and remove it.
#[component]
fn FilterEditor(
    form: WorkflowForm,
    i: usize,
    count: Memo<usize>,
    queues: Memo<Vec<QueueOption>>,
) -> impl IntoView {
    let n = i + 1;
    let id = move |what: &str| format!("filter-{i}-{what}");
    let expression = move || form.filter(i, |f| f.expression.clone()).unwrap_or_default();
    let problem = Memo::new(move |_| parse_problem(&expression(), Scope::Filter));
    let steps = Memo::new(move |_| form.filter(i, |f| f.targets.len()).unwrap_or(0));
    let swap = move |with: usize, button: &'static str| {
        form.edit(|s| s.configuration.filters.swap(i, with));
        // Focus follows the filter; at an end of the list, the other button.
        let last = count.get_untracked() - 1;
        let button = match (button, with) {
            ("up", 0) => "down",
            ("down", w) if w == last => "up",
            (b, _) => b,
        };
        focus_id(format!("filter-{with}-{button}"));
    };
    let remove = move |()| {
        form.edit(|s| {
            s.configuration.filters.remove(i);
        });
        let left = count.get_untracked();
        focus_id(if left == 0 {
            "add-filter".to_owned()
        } else {
            format!("filter-{}-remove", i.min(left - 1))
        });
    };
    let add_step = move |_| {
        let at = steps.get_untracked();
        form.edit_filter(i, |f| f.targets.push(Target::default()));
        focus_id(format!("step-{i}-{at}-queue"));
    };
    let title = move || {
        let name = form
            .filter(i, |f| f.name.trim().to_owned())
            .unwrap_or_default();
        if name.is_empty() {
            format!("Filter {n}")
        } else {
            format!("Filter {n}: {name}")
        }
    };
    let problem_id = id("expression-check");
    view! {
        <li class="filter-card" data-testid="filter">
            <fieldset>
                <legend class="filter-title">{title}</legend>
                <div class="move-buttons">
                    <MoveButton id=id("up") text="Up" label=format!("Move filter {n} up")
                        refused=Signal::derive(move || i == 0) on_press=Callback::new(move |()| swap(i - 1, "up")) />
                    <MoveButton id=id("down") text="Down" label=format!("Move filter {n} down")
                        refused=Signal::derive(move || i + 1 >= count.get()) on_press=Callback::new(move |()| swap(i + 1, "down")) />
                    <MoveButton id=id("remove") text="Remove" label=format!("Remove filter {n}") danger=true
                        refused=Signal::derive(|| false) on_press=Callback::new(remove) />
                </div>
                <div class="form-row">
                    <div class="form-field">
                        <label class="field-label" for=id("name")>"Filter Name"</label>
                        <input class="input" id=id("name") type="text" autocomplete="off"
                            prop:value=move || form.filter(i, |f| f.name.clone()).unwrap_or_default()
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                form.edit_filter(i, |f| f.name = text);
                            } />
                    </div>
                    <div class="form-field form-field-wide">
                        <label class="field-label" for=id("expression")>"Matching Tasks"</label>
                        <input class="input expression-input" id=id("expression") type="text" autocomplete="off" spellcheck="false"
                            placeholder="type == 'support'"
                            aria-describedby=problem_id.clone()
                            aria-invalid=move || problem.with(Option::is_some).then_some("true")
                            prop:value=expression
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                form.edit_filter(i, |f| f.expression = text);
                            } />
                        <p id=problem_id class=move || if problem.with(Option::is_some) { "field-error" } else { "hint" } aria-live="polite">
                            {move || problem.get().unwrap_or_else(|| "Over the task's attributes; 1==1 takes every task.".to_owned())}
                        </p>
                    </div>
                </div>
                <h4 class="steps-title">"Routing steps"</h4>
                <ol class="step-list">
                    <For each=move || 0..steps.get() key=|j| *j let:j>
                        <StepEditor form i j steps queues />
                    </For>
                </ol>
                <button type="button" class="button button-small" id=id("add-step") on:click=add_step>
                    {format!("Add a routing step to filter {n}")}
                </button>
            </fieldset>
        </li>
    }
}

/// One routing step of filter `i`.
#[component]
fn StepEditor(
    form: WorkflowForm,
    i: usize,
    j: usize,
    steps: Memo<usize>,
    queues: Memo<Vec<QueueOption>>,
) -> impl IntoView {
    let (fi, n) = (i + 1, j + 1);
    let id = move |what: &str| format!("step-{i}-{j}-{what}");
    // The queue this step routes to, after inheritance from the steps before.
    let routes_to = Memo::new(move |_| {
        form.read(|s| s.configuration.step_queues(i).get(j).copied().flatten())
            .flatten()
    });
    let nobody = Memo::new(move |_| {
        let Some(queue) = routes_to.get() else {
            return false;
        };
        queues.with(|q| q.iter().any(|o| o.sid == queue && o.members == 0))
    });
    let expression = move || {
        form.step(i, j, |t| t.expression.clone().unwrap_or_default())
            .unwrap_or_default()
    };
    let answer = step_answer(move || routes_to.get(), expression);
    let skip_if = move || {
        form.step(i, j, |t| t.skip_if.clone().unwrap_or_default())
            .unwrap_or_default()
    };
    let skip_problem = Memo::new(move |_| parse_problem(&skip_if(), Scope::SkipIf));
    let order_by = move || {
        form.step(i, j, |t| t.order_by.clone().unwrap_or_default())
            .unwrap_or_default()
    };
    let order_problem = Memo::new(move |_| {
        let text = order_by();
        (!text.trim().is_empty())
            .then(|| Ordering::parse(text.trim()).err())
            .flatten()
    });
    let swap = move |with: usize, button: &'static str| {
        form.edit_filter(i, |f| f.targets.swap(j, with));
        let last = steps.get_untracked() - 1;
        let button = match (button, with) {
            ("up", 0) => "down",
            ("down", w) if w == last => "up",
            (b, _) => b,
        };
        focus_id(format!("step-{i}-{with}-{button}"));
    };
    let remove = move |()| {
        form.edit_filter(i, |f| {
            f.targets.remove(j);
        });
        let left = steps.get_untracked();
        focus_id(if left == 0 {
            format!("filter-{i}-add-step")
        } else {
            format!("step-{i}-{}-remove", j.min(left - 1))
        });
    };
    let text = move |value: String| (!value.trim().is_empty()).then_some(value);
    let match_id = id("match");
    let skip_id = id("skip-check");
    let order_id = id("order-check");
    view! {
        <li class="step-card" data-testid="step">
            <div class="step-head">
                <span class="step-title">{format!("Step {n}")}</span>
                {move || nobody.get().then(|| view! { <NoWorkerMatches /> })}
                <div class="move-buttons">
                    <MoveButton id=id("up") text="Up" label=format!("Move step {n} of filter {fi} up")
                        refused=Signal::derive(move || j == 0) on_press=Callback::new(move |()| swap(j - 1, "up")) />
                    <MoveButton id=id("down") text="Down" label=format!("Move step {n} of filter {fi} down")
                        refused=Signal::derive(move || j + 1 >= steps.get()) on_press=Callback::new(move |()| swap(j + 1, "down")) />
                    <MoveButton id=id("remove") text="Remove" label=format!("Remove step {n} of filter {fi}") danger=true
                        refused=Signal::derive(|| false) on_press=Callback::new(remove) />
                </div>
            </div>
            <div class="step-grid">
                <div class="form-field step-queue">
                    <label class="field-label" for=id("queue")>"Task Queue"</label>
                    <QueueSelect id=id("queue") queues
                        empty=if j == 0 { "Choose a task queue" } else { "The previous step's queue" }
                        chosen=Signal::derive(move || form.step(i, j, |t| t.queue).flatten())
                        on_pick=Callback::new(move |q| form.edit_step(i, j, |t| t.queue = q)) />
                </div>
                <div class="form-field form-field-wide">
                    <label class="field-label" for=id("expression")>"Expression"</label>
                    <input class="input expression-input" id=id("expression") type="text" autocomplete="off" spellcheck="false"
                        placeholder="worker.routing.levels.support >= 5"
                        aria-describedby=match_id.clone()
                        aria-invalid=move || answer.with(|a| a.is_problem()).then_some("true")
                        prop:value=expression
                        on:input=move |ev| {
                            let value = text(event_target_value(&ev));
                            form.edit_step(i, j, |t| t.expression = value);
                        } />
                    <MatchLine id=match_id answer />
                </div>
                <div class="form-field">
                    <label class="field-label" for=id("priority")>"Priority"</label>
                    <input class="input input-number" id=id("priority") type="number" min="0" inputmode="numeric"
                        prop:value=move || form.step(i, j, |t| t.priority.map(|p| p.to_string()).unwrap_or_default()).unwrap_or_default()
                        on:input=move |ev| {
                            let p = typed_optional(&event_target_value(&ev));
                            form.edit_step(i, j, |t| t.priority = p);
                        } />
                </div>
                <div class="form-field">
                    <label class="field-label" for=id("timeout")>"Timeout"</label>
                    <input class="input input-number" id=id("timeout") type="number" min="1" inputmode="numeric" placeholder="seconds"
                        prop:value=move || form.step(i, j, |t| t.timeout.map(|p| p.to_string()).unwrap_or_default()).unwrap_or_default()
                        on:input=move |ev| {
                            let p = typed_optional(&event_target_value(&ev));
                            form.edit_step(i, j, |t| t.timeout = p);
                        } />
                </div>
                <div class="form-field step-skip">
                    <label class="field-label" for=id("skip")>"Skip If"</label>
                    <input class="input expression-input" id=id("skip") type="text" autocomplete="off" spellcheck="false"
                        placeholder="workers.available == 0"
                        aria-describedby=skip_id.clone()
                        aria-invalid=move || skip_problem.with(Option::is_some).then_some("true")
                        prop:value=skip_if
                        on:input=move |ev| {
                            let value = text(event_target_value(&ev));
                            form.edit_step(i, j, |t| t.skip_if = value);
                        } />
                    <p id=skip_id class="field-error" aria-live="polite">{move || skip_problem.get()}</p>
                </div>
                <div class="form-field step-order">
                    <label class="field-label" for=id("order")>"Ordering"</label>
                    <input class="input expression-input" id=id("order") type="text" autocomplete="off" spellcheck="false"
                        placeholder="worker.routing.levels.x DESC"
                        aria-describedby=order_id.clone()
                        aria-invalid=move || order_problem.with(Option::is_some).then_some("true")
                        prop:value=order_by
                        on:input=move |ev| {
                            let value = text(event_target_value(&ev));
                            form.edit_step(i, j, |t| t.order_by = value);
                        } />
                    <p id=order_id class="field-error" aria-live="polite">{move || order_problem.get()}</p>
                </div>
            </div>
        </li>
    }
}

/// A select of the workspace's queues, keyed by SID: each option says for itself whether it
/// is chosen, so a list that changes never moves the choice to another queue.
#[component]
pub fn QueueSelect(
    id: String,
    queues: Memo<Vec<QueueOption>>,
    /// The first option, meaning no queue ("The previous step's queue").
    empty: &'static str,
    #[prop(into)] chosen: Signal<Option<TaskQueueSid>>,
    on_pick: Callback<Option<TaskQueueSid>>,
) -> impl IntoView {
    view! {
        <select class="input" id=id on:change=move |ev| on_pick.run(event_target_value(&ev).parse().ok())>
            <option value="" prop:selected=move || chosen.with(Option::is_none)>{empty}</option>
            <For each=move || queues.get() key=|q| q.clone() let:q>
                {
                    let sid = q.sid;
                    let text = if q.members == 0 { format!("{} (no worker matches)", q.name) } else { q.name.clone() };
                    view! { <option value=sid.to_string() prop:selected=move || chosen.get() == Some(sid)>{text}</option> }
                }
            </For>
        </select>
    }
}

/// The Default Task Queue: where a task no filter matches waits.
#[component]
pub fn DefaultQueue(form: WorkflowForm, queues: Memo<Vec<QueueOption>>) -> impl IntoView {
    let chosen = Signal::derive(move || form.read(|s| s.configuration.default_queue).flatten());
    let nobody = move || {
        chosen
            .get()
            .is_some_and(|q| queues.with(|all| all.iter().any(|o| o.sid == q && o.members == 0)))
    };
    view! {
        <div class="form-field default-queue">
            <label class="field-label" for="default-queue">"Default Task Queue"</label>
            <div class="inline-controls">
                <QueueSelect id="default-queue".to_owned() queues empty="None: such a task is not routed" chosen
                    on_pick=Callback::new(move |q| form.edit(|s| s.configuration.default_queue = q)) />
                {move || nobody().then(|| view! { <NoWorkerMatches /> })}
            </div>
            <p class="hint">"Where a task no filter matches waits."</p>
        </div>
    }
}
