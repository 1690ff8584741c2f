//! The agent desktop and a task's page in the Flex UI, mounted with the app's providers and
//! routes: a task rings for an available agent with its countdown, is accepted, wrapped up
//! and completed; a rejected one leaves the desk; a read-only admin is told why there is no
//! work; a waiting task's page says why no one has it and the path it took.

use flex_console::components::toast::{ToastRegion, Toasts};
use flex_console::domain::taskrouter::TaskEvent as TaskRouterTaskEvent;
use flex_console::domain::{
    AccountSid, Actor, Command, Console, EventKind, SsoAssertion, TaskCommand, TaskSid, TaskStatus,
    WorkerSid,
};
use flex_console::pages::flex::FlexLayout;
use flex_console::pages::flex::agent_desktop::AgentDesktop;
use flex_console::pages::flex::task::TaskPage;
use flex_console::store::flex_session::{self, FlexLogin, FlexSession};
use flex_console::store::routing_clock::RoutingClock;
use flex_console::store::{Loaded, Store};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{all, at_path, mount, settle, wait_for};

const HANNAH: &str = "hannah.becker@globex.example.com";
const DANIEL: &str = "daniel.wright@globex.example.com";
const MATEO: &str = "mateo.silva@globex.example.com";

thread_local! {
    static STORE: std::cell::Cell<Option<Store>> = const { std::cell::Cell::new(None) };
}

fn store() -> Store {
    STORE.with(|s| s.get()).expect("mounted")
}

/// Globex at the demo's moment, with what `set_up` did to it.
struct Floor {
    c: Console,
    globex: AccountSid,
}

impl Floor {
    fn new() -> Floor {
        let c = Console::demo();
        let globex = c
            .accounts()
            .find(|a| a.friendly_name == "Globex Contact Center")
            .unwrap()
            .sid;
        Floor { c, globex }
    }

    fn worker(&self, address: &str) -> WorkerSid {
        self.c
            .workers(&self.globex)
            .find(|w| w.identity.as_str() == address)
            .unwrap()
            .sid
    }

    fn assertion(&self, address: &str) -> SsoAssertion {
        let w = self.c.worker(&self.globex, &self.worker(address)).unwrap();
        SsoAssertion {
            email: address.parse().unwrap(),
            full_name: w.full_name.clone(),
            roles: w.role_names(),
        }
    }

    fn available(&mut self, address: &str) {
        let activity = self
            .c
            .workspace(&self.globex)
            .unwrap()
            .activities
            .iter()
            .find(|a| a.friendly_name == "Available")
            .unwrap()
            .sid;
        let actor = Actor::Sso(self.assertion(address));
        let account = self.globex;
        self.c
            .apply(
                &actor,
                Command::SetWorkerActivity { account, activity },
                flex_console::domain::DEMO_NOW,
            )
            .unwrap();
    }

    fn call(&mut self, attributes: &str) -> TaskSid {
        let ws = self.c.workspace(&self.globex).unwrap();
        let workflow = ws
            .workflows
            .iter()
            .find(|w| w.friendly_name == "Inbound Routing")
            .unwrap()
            .sid;
        let channel = ws.channel_named("voice").unwrap().sid;
        let liam = self
            .c
            .users()
            .find(|u| u.full_name == "Liam O'Brien")
            .unwrap()
            .sid;
        let command = Command::Task {
            account: self.globex,
            change: TaskCommand::CreateTask {
                workflow,
                channel,
                attributes: attributes.into(),
                priority: 0,
                timeout: 3_600,
                origin: "Call from +14155550199 to (212) 555-0110".into(),
            },
        };
        let event = self
            .c
            .apply(&Actor::User(liam), command, flex_console::domain::DEMO_NOW)
            .unwrap();
        match event.kind {
            EventKind::Task {
                change: TaskRouterTaskEvent::Created { task },
            } => task,
            other => panic!("{other:?}"),
        }
    }

    /// Mounts the Flex UI at `path` with `address` logged in to Flex by SSO in this tab.
    fn open_as(self, address: &str, path: &str) -> crate::support::Mounted {
        let session = FlexSession {
            account: self.globex,
            worker: self.worker(address),
            login: FlexLogin::Sso {
                assertion: self.assertion(address),
            },
        };
        flex_session::save(Some(&session));
        at_path(&format!("/flex/{}{path}", self.globex));
        let console = self.c;
        mount(move || {
            let store = Store::provide(Loaded::in_memory(console));
            RoutingClock::provide(store);
            Toasts::provide();
            STORE.with(|s| s.set(Some(store)));
            view! {
                <Router>
                    <Routes fallback=|| "not found">
                        <ParentRoute path=path!("/flex/:account_sid") view=FlexLayout>
                            <Route path=path!("agent-desktop") view=AgentDesktop />
                            <Route path=path!("tasks/:task_sid") view=TaskPage />
                        </ParentRoute>
                    </Routes>
                </Router>
                <ToastRegion />
            }
        })
    }
}

/// The Console's time stands still at `ms` (the page's `Date.now`), so a countdown reads
/// the same however fast the machine is; `None` lets it run again.
fn freeze_time(ms: Option<f64>) {
    let set = js_sys::Function::new_with_args(
        "ms",
        "if (!globalThis.__realNow) globalThis.__realNow = Date.now; \
         Date.now = ms === undefined ? globalThis.__realNow : () => ms;",
    );
    let arg = ms.map_or(
        wasm_bindgen::JsValue::UNDEFINED,
        wasm_bindgen::JsValue::from,
    );
    set.call1(&wasm_bindgen::JsValue::NULL, &arg).unwrap();
}

fn text(page: &crate::support::Mounted, selector: &str) -> String {
    page.find(selector).inner_text().trim().to_owned()
}

fn task_status(task: &TaskSid) -> TaskStatus {
    store().with_untracked(|c| {
        let account = c
            .accounts()
            .find(|a| a.friendly_name == "Globex Contact Center")
            .unwrap()
            .sid;
        c.task(&account, task).unwrap().status
    })
}

#[wasm_bindgen_test]
async fn an_offer_rings_with_its_countdown_and_is_accepted_wrapped_up_and_completed() {
    freeze_time(Some(1_000_000.0));
    let mut floor = Floor::new();
    floor.available(HANNAH);
    let task = floor.call(r#"{"type": "sales", "name": "Ada Lovelace", "language": "en"}"#);
    let page = floor.open_as(HANNAH, "/agent-desktop");
    settle().await;
    let cards = all(&page.root, "[data-testid=task-card]");
    assert_eq!(cards.len(), 1, "one task on the desk");
    assert!(cards[0].inner_text().contains("Ada Lovelace"));
    assert!(cards[0].inner_text().contains("Incoming · Voice · Sales"));
    assert_eq!(text(&page, "#task-panel-title"), "Ada Lovelace");
    assert_eq!(text(&page, "[data-testid=task-queue]"), "Sales");
    assert_eq!(
        text(&page, "[data-testid=ring-countdown]"),
        "0:30",
        "Inbound Routing gives 30 s to answer"
    );
    assert_eq!(text(&page, "[data-testid=task-waited]"), "0:00");
    assert!(text(&page, "[data-testid=task-attributes]").contains("language"));
    assert_eq!(
        text(&page, "[data-testid=room-voice] .room-free"),
        "0 free",
        "the ringing offer holds her one voice slot"
    );
    assert_eq!(
        text(&page, "[data-testid=desk-announce]"),
        "A task is ringing for you."
    );
    // Ten seconds pass on the Console clock: the countdown and the wait follow it.
    freeze_time(Some(1_010_000.0));
    wait_for("the countdown to move", 3, || {
        text(&page, "[data-testid=ring-countdown]") == "0:20"
    })
    .await;
    assert_eq!(text(&page, "[data-testid=task-waited]"), "0:10");

    page.find("[data-testid=accept]").click();
    settle().await;
    assert_eq!(task_status(&task), TaskStatus::Assigned);
    assert!(text(&page, "[data-testid=task-state]").starts_with("Assigned"));
    assert!(
        all(&page.root, "[data-testid=ring]").is_empty(),
        "no longer ringing"
    );
    wait_for("focus to move to the next step", 2, || {
        crate::support::focused()
            .and_then(|e| e.get_attribute("data-testid"))
            .as_deref()
            == Some("wrap-up")
    })
    .await;
    assert_eq!(
        text(&page, "[data-testid=task-waited]"),
        "0:10",
        "the wait ended on acceptance"
    );

    page.find("[data-testid=wrap-up]").click();
    settle().await;
    assert_eq!(task_status(&task), TaskStatus::Wrapping);
    assert!(all(&page.root, "[data-testid=wrap-up]").is_empty());
    page.find("[data-testid=complete]").click();
    settle().await;
    assert_eq!(task_status(&task), TaskStatus::Completed);
    assert_eq!(
        text(&page, "[data-testid=desk-empty]").lines().next(),
        Some("No tasks")
    );
    assert_eq!(text(&page, "[data-testid=room-voice] .room-free"), "1 free");
    drop(page);
    freeze_time(None);
}

#[wasm_bindgen_test]
async fn a_rejected_offer_leaves_the_desk_and_goes_to_the_next_agent() {
    freeze_time(Some(2_000_000.0));
    let mut floor = Floor::new();
    floor.available(MATEO);
    floor.available(DANIEL);
    // Support orders by level: Daniel (9) first.
    let task = floor.call(r#"{"type": "support", "name": "Bo"}"#);
    let page = floor.open_as(DANIEL, "/agent-desktop");
    settle().await;
    assert_eq!(all(&page.root, "[data-testid=task-card]").len(), 1);
    page.find("[data-testid=reject]").click();
    settle().await;
    assert!(all(&page.root, "[data-testid=task-card]").is_empty());
    assert_eq!(
        task_status(&task),
        TaskStatus::Reserved,
        "offered to Mateo now"
    );
    drop(page);
    freeze_time(None);
}

#[wasm_bindgen_test]
async fn a_read_only_admin_sees_no_work_and_is_told_why() {
    let floor = Floor::new();
    // Maria Garcia is Globex's read-only admin (Support): in by Console login.
    let maria_user = floor
        .c
        .users()
        .find(|u| u.full_name == "Maria Garcia")
        .unwrap()
        .sid;
    let maria = floor.worker("maria.garcia@example.com");
    let session = FlexSession {
        account: floor.globex,
        worker: maria,
        login: FlexLogin::Console { user: maria_user },
    };
    flex_session::save(Some(&session));
    flex_console::store::session::save(Some(&maria_user));
    at_path(&format!("/flex/{}/agent-desktop", floor.globex));
    let console = floor.c;
    let page = mount(move || {
        let store = Store::provide(Loaded::in_memory(console));
        RoutingClock::provide(store);
        Toasts::provide();
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <ParentRoute path=path!("/flex/:account_sid") view=FlexLayout>
                        <Route path=path!("agent-desktop") view=AgentDesktop />
                    </ParentRoute>
                </Routes>
            </Router>
        }
    });
    settle().await;
    let shown = page.find("main").inner_text();
    assert!(
        shown.contains("Agent desktop is not available for your Flex role"),
        "{shown}"
    );
    assert!(
        shown.contains("Read-only admins cannot take or handle tasks."),
        "{shown}"
    );
    assert!(all(&page.root, "[data-testid=task-card]").is_empty());
    drop(page);
    flex_console::store::session::save(None);
}

#[wasm_bindgen_test]
async fn a_waiting_task_s_page_says_why_no_one_has_it_and_the_path_it_took() {
    freeze_time(Some(3_000_000.0));
    let mut floor = Floor::new();
    let task = floor.call(r#"{"language": "es", "name": "Carmen"}"#);
    let page = floor.open_as(DANIEL, &format!("/tasks/{task}"));
    settle().await;
    assert_eq!(text(&page, "h1"), "Carmen · Pending");
    assert_eq!(
        text(&page, "[data-testid=why-summary]"),
        "2 agents match Spanish; both are Offline."
    );
    let path = text(&page, "[data-testid=task-path]");
    assert!(
        path.contains("Matched Filter 1 (Spanish speakers)"),
        "{path}"
    );
    assert!(path.contains("Entered step 1: queue Spanish"), "{path}");
    assert_eq!(
        text(&page, "[data-testid=no-reservations]"),
        "Not offered to anyone yet."
    );
    // Mateo goes Available (as another tab would): the page follows.
    let mateo = floor_actor(MATEO);
    let account = current_account();
    let available = store().with_untracked(|c| {
        c.workspace(&account)
            .unwrap()
            .activities
            .iter()
            .find(|a| a.friendly_name == "Available")
            .unwrap()
            .sid
    });
    store()
        .apply_as(
            &mateo,
            Command::SetWorkerActivity {
                account,
                activity: available,
            },
        )
        .unwrap();
    settle().await;
    assert_eq!(
        text(&page, "[data-testid=why-summary]"),
        "2 agents match Spanish; 1 is being offered it now; 1 is Offline."
    );
    assert!(text(&page, "[data-testid=task-reservations]").contains("Mateo Silva"));
    assert!(text(&page, "[data-testid=task-path]").contains("Offered to Mateo Silva"));
    drop(page);
    freeze_time(None);
}

#[wasm_bindgen_test]
async fn an_agent_is_not_shown_a_task_that_was_not_offered_to_them() {
    let mut floor = Floor::new();
    let task = floor.call(r#"{"type": "sales"}"#);
    let page = floor.open_as(MATEO, &format!("/tasks/{task}"));
    settle().await;
    assert_eq!(
        text(&page, "[data-testid=task-hidden] p"),
        "Agents see only the tasks offered to them, and this one was not offered to you. Supervisors and admins see every task."
    );
}

fn current_account() -> AccountSid {
    store().with_untracked(|c| {
        c.accounts()
            .find(|a| a.friendly_name == "Globex Contact Center")
            .unwrap()
            .sid
    })
}

fn floor_actor(address: &str) -> Actor {
    let account = current_account();
    store().with_untracked(|c| {
        let w = c
            .workers(&account)
            .find(|w| w.identity.as_str() == address)
            .unwrap();
        Actor::Sso(SsoAssertion {
            email: address.parse().unwrap(),
            full_name: w.full_name.clone(),
            roles: w.role_names(),
        })
    })
}
