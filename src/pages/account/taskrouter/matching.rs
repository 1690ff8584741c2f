//! "Which workers match", answered by the domain as an expression is typed: a queue's
//! expression over the workspace's workers, a routing step's within its queue.

use leptos::prelude::*;

use crate::domain::TaskQueueSid;
use crate::pages::account::AccountScope;
use crate::store::Store;

/// What the line under an expression says.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// "5 workers match: Maria Garcia, …" (and whether none does).
    Matches {
        /// The sentence.
        text: String,
        /// Whether no worker matches (the line warns).
        none: bool,
    },
    /// The expression does not parse: the column and what was expected.
    Problem(String),
    /// Nothing to say (no queue chosen yet).
    Nothing,
}

impl Answer {
    /// Whether the expression does not parse.
    pub fn is_problem(&self) -> bool {
        matches!(self, Answer::Problem(_))
    }
}

/// Which workers of the workspace a queue expression typed in `text` targets (tracked).
pub fn queue_answer(text: impl Fn() -> String + Send + Sync + 'static) -> Memo<Answer> {
    let store = Store::get();
    let account = AccountScope::get().account;
    Memo::new(move |_| {
        let text = text();
        match store.with(|c| c.match_queue_expression(&account, &text)) {
            Ok(m) => Answer::Matches {
                none: m.count == 0,
                text: m.to_string(),
            },
            Err(e) => Answer::Problem(e),
        }
    })
}

/// Which workers of `queue` a routing step's expression typed in `text` lets through (tracked).
pub fn step_answer(
    queue: impl Fn() -> Option<TaskQueueSid> + Send + Sync + 'static,
    text: impl Fn() -> String + Send + Sync + 'static,
) -> Memo<Answer> {
    let store = Store::get();
    let account = AccountScope::get().account;
    Memo::new(move |_| {
        let text = text();
        let Some(queue) = queue() else {
            return Answer::Nothing;
        };
        let now = store.now();
        match store.with(|c| c.match_step_expression(&account, &queue, &text, now)) {
            Ok(m) => Answer::Matches {
                none: matches!(&m, crate::domain::StepMatch::Workers { matched, .. } if matched.count == 0),
                text: m.to_string(),
            },
            Err(e) => Answer::Problem(e),
        }
    })
}

/// The line under an expression field: who matches, or where the expression goes wrong.
/// The field points at it with `aria-describedby`; it is a polite live region, so the answer
/// is heard after typing pauses.
#[component]
pub fn MatchLine(
    /// Its id, for the field's `aria-describedby`.
    #[prop(into)]
    id: String,
    /// What it says.
    answer: Memo<Answer>,
) -> impl IntoView {
    let class = move || match answer.get() {
        Answer::Problem(_) => "field-error match-line",
        Answer::Matches { none: true, .. } => "hint match-line match-none",
        _ => "hint match-line",
    };
    view! {
        <p id=id class=class aria-live="polite" data-testid="match-line">
            {move || match answer.get() {
                Answer::Matches { text, .. } => text,
                Answer::Problem(e) => e,
                Answer::Nothing => String::new(),
            }}
        </p>
    }
}

/// The mark of a queue no worker matches, wherever it is listed.
#[component]
pub fn NoWorkerMatches() -> impl IntoView {
    view! { <span class="badge badge-warning" data-testid="no-worker">"No worker matches"</span> }
}
