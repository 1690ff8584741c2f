//! The Flex UI (`/flex/:account_sid/...`): Flex's own frame, not the Console's (a dark top
//! bar with the worker's status as a pill with a coloured dot, a narrow icon rail for the
//! views) and the gate that lets in only the
//! worker of this tab's Flex session. What each view shows is decided by the domain
//! ([`crate::domain::flex_view`]) from the worker's roles in the worker record.

pub mod admin;
pub mod agent_desktop;
pub mod agent_skills;
pub mod icons;
pub mod insights;
pub mod not_available;
pub mod queues;
pub mod skills;
pub mod status;
pub mod task;
pub mod teams;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::breaks::Cut;
use crate::components::link::{NavLink, href};
use crate::components::save_state::SaveState;
use crate::components::store_banner::StoreBanner;
use crate::components::theme_toggle::ThemeToggle;
use crate::domain::flex::view::{FlexView, landing, visible, visible_views};
use crate::domain::{AccountSid, Actor, FlexRole, WorkerSid};
use crate::store::Store;
use crate::store::flex_session::{self, FlexLogin, FlexSession};
use icons::ViewIcon;
use not_available::NotAvailable;
use status::StatusPicker;

/// Who is in Flex here: provided to every view under `/flex/:account_sid`.
#[derive(Clone, Debug, PartialEq)]
pub struct FlexScope {
    /// This tab's Flex session, for the account in the URL.
    pub session: FlexSession,
}

impl FlexScope {
    /// The scope provided by [`FlexLayout`].
    pub fn get() -> FlexScope {
        expect_context::<FlexScope>()
    }

    /// The account whose Flex is open.
    pub fn account(&self) -> &AccountSid {
        &self.session.account
    }

    /// The signed-in worker.
    pub fn worker(&self) -> &WorkerSid {
        &self.session.worker
    }

    /// Who acts for commands made in Flex: the Console user or the SSO assertion.
    pub fn actor(&self) -> Actor {
        self.session.actor()
    }

    /// The worker's Flex roles, from the worker record (tracked), so a change shows at once.
    pub fn roles(&self) -> Vec<FlexRole> {
        Store::get().with(|c| {
            c.worker(self.account(), self.worker())
                .map(|w| w.flex_roles.clone())
                .unwrap_or_default()
        })
    }

    /// The path of a view of this account's Flex.
    pub fn path(&self, view: FlexView) -> String {
        view_path(self.account(), view)
    }
}

/// The app path of a Flex view, e.g. `/flex/AC…/agent-desktop`.
pub fn view_path(account: &AccountSid, view: FlexView) -> String {
    format!("/flex/{account}/{}", view.slug())
}

/// Where someone entering Flex as this worker lands (by the worker's roles now).
pub fn landing_path(account: &AccountSid, worker: &WorkerSid) -> String {
    let roles = Store::get().with_untracked(|c| {
        c.worker(account, worker)
            .map(|w| w.flex_roles.clone())
            .unwrap_or_default()
    });
    let view = landing(&roles).unwrap_or(FlexView::AgentDesktop);
    view_path(account, view)
}

/// What the layout shows.
#[derive(Clone, PartialEq)]
enum Gate {
    Unknown(String),
    NotLoggedIn(AccountSid),
    Open(FlexScope),
}

/// The Flex frame around the views, once this tab's Flex session matches the URL's account.
#[component]
pub fn FlexLayout() -> impl IntoView {
    let store = Store::get();
    let params = use_params_map();
    // One memo decides, so a command (a status change) does not rebuild the frame.
    let gate = Memo::new(move |_| {
        let raw = params.with(|p| p.get("account_sid")).unwrap_or_default();
        let Ok(account) = raw.parse::<AccountSid>() else {
            return Gate::Unknown(raw);
        };
        let session = flex_session::load().filter(|s| s.account == account);
        let signed_in = store.signed_in();
        store.with(|c| {
            if c.account(&account).is_none() {
                return Gate::Unknown(raw);
            }
            let Some(session) = session else { return Gate::NotLoggedIn(account) };
            // A Console login lasts only while that Console user is signed in in this tab.
            let console_user_left = matches!(&session.login, FlexLogin::Console { user } if signed_in.as_ref() != Some(user));
            if console_user_left || c.worker(&account, &session.worker).is_none() {
                return Gate::NotLoggedIn(account);
            }
            Gate::Open(FlexScope { session })
        })
    });
    move || match gate.get() {
        Gate::Unknown(sid) => view! { <FlexMessage title="Account not found">
            <p>"There is no account " <code>{sid}</code> "."</p>
        </FlexMessage> }
        .into_any(),
        Gate::NotLoggedIn(account) => view! { <NotLoggedIn account /> }.into_any(),
        Gate::Open(scope) => {
            provide_context(scope.clone());
            view! { <FlexFrame scope /> }.into_any()
        }
    }
}

/// The top bar, the navigation and the routed view.
#[component]
fn FlexFrame(scope: FlexScope) -> impl IntoView {
    let store = Store::get();
    let navigate = use_navigate();
    let account_name = {
        let account = *scope.account();
        Memo::new(move |_| {
            store.with(|c| {
                c.account(&account)
                    .map(|a| a.friendly_name.clone())
                    .unwrap_or_default()
            })
        })
    };
    let worker_name = {
        let (account, worker) = (*scope.account(), *scope.worker());
        Memo::new(move |_| {
            store.with(|c| {
                c.worker(&account, &worker)
                    .map(|w| w.full_name.clone())
                    .unwrap_or_default()
            })
        })
    };
    let views = {
        let scope = scope.clone();
        Memo::new(move |_| visible_views(&scope.roles()))
    };
    let back = match &scope.session.login {
        FlexLogin::Console { .. } => format!("/accounts/{}/flex", scope.account()),
        FlexLogin::Sso { .. } => "/".to_owned(),
    };
    let log_out = {
        let back = back.clone();
        move |_| {
            flex_session::save(None);
            navigate(&back, NavigateOptions::default());
        }
    };
    let account = *scope.account();
    let initials = Memo::new(move |_| initials_of(&worker_name.get()));
    view! {
        <a class="skip-link" href="#flex-main">"Skip to content"</a>
        <div class="flex-ui">
            <header class="flex-topbar">
                <span class="flex-brand">
                    <span class="flex-brand-mark" aria-hidden="true">"F"</span>
                    <span class="brand-name">"Twilio Flex"</span>
                </span>
                <Cut class="flex-account" testid="flex-account" text=Signal::derive(move || account_name.get()) />
                <div class="flex-topbar-actions">
                    // As in the Console's top bar: whether a change is written yet, before
                    // the tab is reloaded or closed.
                    <SaveState />
                    <StatusPicker />
                    <span class="flex-me">
                        <span class="avatar" aria-hidden="true">{move || initials.get()}</span>
                        <span class="flex-worker" data-testid="flex-worker">{move || worker_name.get()}</span>
                    </span>
                    <ThemeToggle />
                    <a class="flex-back" href=href(&back)><span class="topbar-label">"Back to "</span>"Console"</a>
                    <button type="button" class="icon-button" on:click=log_out>"Log out"</button>
                </div>
            </header>
            <div class="flex-body">
                <nav class="flex-rail" aria-label="Flex">
                    <ul>
                        {move || views.get().into_iter().map(|v| {
                            view! {
                                <li>
                                    <NavLink to=view_path(&account, v)>
                                        <ViewIcon view=v />
                                        <span class="rail-label">{v.title()}</span>
                                    </NavLink>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
                <main id="flex-main" class="flex-content" tabindex="-1">
                    <StoreBanner />
                    <Outlet />
                </main>
            </div>
        </div>
    }
}

/// A person's initials for an avatar: "Hannah Becker" is "HB", "Zoe" is "Z".
pub fn initials_of(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().and_then(|w| w.chars().next());
    let last = words.last().and_then(|w| w.chars().next());
    first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect()
}

/// A view, or the "not available for your Flex role" page when the worker's roles do not show it.
#[component]
pub fn FlexPage(
    /// Which view this is.
    view: FlexView,
    children: ChildrenFn,
) -> impl IntoView {
    let scope = FlexScope::get();
    let allowed = Memo::new(move |_| visible(&scope.roles(), view));
    move || {
        if allowed.get() {
            children().into_any()
        } else {
            view! { <NotAvailable view /> }.into_any()
        }
    }
}

/// `/flex/:account_sid`: sends the worker to the first view their roles show.
#[component]
pub fn FlexHome() -> impl IntoView {
    let scope = FlexScope::get();
    let path = landing_path(scope.account(), scope.worker());
    let options = NavigateOptions {
        replace: true,
        ..Default::default()
    };
    view! { <Redirect path options /> }
}

/// Flex is open only to the worker who logged in in this tab.
#[component]
fn NotLoggedIn(account: AccountSid) -> impl IntoView {
    let overview = href(&format!("/accounts/{account}/flex"));
    view! {
        <FlexMessage title="Log in to Flex">
            <p>"You are not logged in to this account's Flex in this tab."</p>
            <p>
                "Console users: open the account's " <a href=overview>"Flex overview"</a>
                " and choose \"Log in with Console\". Others: " <a href=href("/sso")>"log in with SSO"</a> "."
            </p>
        </FlexMessage>
    }
}

/// A full page in the Flex look, for when no worker is in.
#[component]
fn FlexMessage(#[prop(into)] title: String, children: Children) -> impl IntoView {
    view! {
        <div class="flex-ui">
            <header class="flex-topbar">
                <span class="flex-brand">
                    <span class="flex-brand-mark" aria-hidden="true">"F"</span>
                    <span>"Twilio Flex"</span>
                </span>
                <div class="flex-topbar-actions">
                    <a class="flex-back" href=href("/")>"Back to Console"</a>
                </div>
            </header>
            <main id="flex-main" class="flex-content" tabindex="-1">
                <section class="page" aria-labelledby="flex-message-title" data-testid="flex-not-logged-in">
                    <h1 id="flex-message-title">{title}</h1>
                    {children()}
                </section>
            </main>
        </div>
    }
}
