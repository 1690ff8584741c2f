//! TaskRouter's pages mounted in the app: the queue form's "which workers match" as the
//! expression is typed, and a workflow step routing to a queue no worker matches, marked.

use flex_console::App;
use flex_console::domain::{
    AccountSid, Actor, Command, Console, DEMO_NOW, TaskQueueSpec, TaskRouterCommand, UserSid,
};
use flex_console::store::Loaded;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::support::{all, at_path, button, mount, settle, wait_for};

/// The demo, Globex's SID and Liam O'Brien (Developer there: manage products).
fn globex_as_liam() -> (Console, AccountSid, UserSid) {
    let console = Console::demo();
    let account = console
        .accounts()
        .find(|a| a.friendly_name == "Globex Contact Center")
        .unwrap()
        .sid;
    let liam = console
        .users()
        .find(|u| u.full_name == "Liam O'Brien")
        .unwrap()
        .sid;
    (console, account, liam)
}

fn input(element: &web_sys::HtmlElement) {
    element
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_queue_form_says_which_workers_match_as_the_expression_is_typed() {
    let (console, account, liam) = globex_as_liam();
    flex_console::store::session::save(Some(&liam));
    at_path(&format!("/accounts/{account}/taskrouter/queues"));
    let app = mount(move || view! { <App loaded=Loaded::in_memory(console) /> });
    wait_for("the queues page", 5, || {
        app.root
            .query_selector("main h1")
            .ok()
            .flatten()
            .is_some_and(|h| h.text_content().unwrap_or_default() == "Task queues")
    })
    .await;
    button(&app.root, "Create task queue").click();
    settle().await;
    let expression: HtmlTextAreaElement = app.find("#new-queue-expression").unchecked_into();
    let line = || app.find("[data-testid='create-queue'] [data-testid='match-line']");
    assert_eq!(
        line().inner_text(),
        "5 workers match: Daniel Wright, Hannah Becker, James Chen, …",
        "a new queue's 1==1 targets everyone"
    );
    for (typed, said, invalid) in [
        (
            "routing.skills HAS 'spanish'",
            "2 workers match: Daniel Wright, Mateo Silva",
            false,
        ),
        ("routing.skills HAS 'french'", "No worker matches", false),
        (
            "routing.skills HAS",
            "column 19: expected a value after HAS",
            true,
        ),
        (
            "routing.levels.support >= 7",
            "2 workers match: Daniel Wright, Hannah Becker",
            false,
        ),
    ] {
        expression.set_value(typed);
        input(&expression.clone().unchecked_into());
        settle().await;
        assert_eq!(line().inner_text(), said, "for {typed}");
        assert_eq!(
            expression.get_attribute("aria-invalid").is_some(),
            invalid,
            "aria-invalid for {typed}"
        );
    }
    assert!(
        line().class_name().contains("match-line"),
        "the line is the field's description"
    );
    assert_eq!(
        expression.get_attribute("aria-describedby").as_deref(),
        Some("new-queue-match new-queue-expression-hint")
    );
}

#[wasm_bindgen_test]
async fn a_step_routing_to_a_queue_no_worker_matches_is_marked_and_the_json_follows_the_form() {
    let (mut console, account, liam) = globex_as_liam();
    let nobody = TaskQueueSpec {
        friendly_name: "French".into(),
        target_workers: "routing.skills HAS 'french'".into(),
        ..TaskQueueSpec::default()
    };
    let create = Command::TaskRouter {
        account,
        change: TaskRouterCommand::CreateTaskQueue { spec: nobody },
    };
    console
        .apply(&Actor::User(liam), create, DEMO_NOW)
        .expect("Liam may create queues");
    let ws = console.workspace(&account).unwrap();
    let french = ws
        .task_queues
        .iter()
        .find(|q| q.friendly_name == "French")
        .unwrap()
        .sid;
    let inbound = ws
        .workflows
        .iter()
        .find(|w| w.friendly_name == "Inbound Routing")
        .unwrap()
        .sid;
    flex_console::store::session::save(Some(&liam));
    at_path(&format!(
        "/accounts/{account}/taskrouter/workflows/{inbound}"
    ));
    let app = mount(move || view! { <App loaded=Loaded::in_memory(console) /> });
    wait_for("the workflow's form", 5, || {
        app.root
            .query_selector("#step-0-0-queue")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    let marks = || all(&app.root, "[data-testid='step'] [data-testid='no-worker']").len();
    assert_eq!(marks(), 0, "every step of the demo routes to workers");
    let queue: HtmlSelectElement = app.find("#step-0-0-queue").unchecked_into();
    queue.set_value(&french.to_string());
    queue
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(marks(), 1, "the step to French is marked");
    let step = app.find("[data-testid='step']");
    assert!(
        step.inner_text().contains("No worker matches"),
        "{}",
        step.inner_text()
    );
    let json: HtmlTextAreaElement = app.find("#configuration-json").unchecked_into();
    assert!(
        json.value().contains(&french.to_string()),
        "the JSON follows the form"
    );
    // The step's expression answers within its queue: nobody, in a queue of nobody.
    let expression: HtmlInputElement = app.find("#step-0-0-expression").unchecked_into();
    expression.set_value("worker.routing.levels.support >= 1");
    input(&expression.clone().unchecked_into());
    settle().await;
    assert_eq!(
        app.find("#step-0-0-match").inner_text(),
        "No worker matches (of 0 in the queue)"
    );
}
