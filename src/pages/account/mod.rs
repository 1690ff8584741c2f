//! Pages of one account (`/accounts/:account_sid/...`) and the layout they share.

pub mod account_info;
pub mod active_hours;
pub mod activity;
pub mod api_keys;
pub mod billing;
pub mod flex_addresses;
pub mod flex_overview;
pub mod flex_settings;
pub mod flex_users;
pub mod functions;
pub mod phone_numbers;
pub mod send_to_flex;
pub mod studio;
pub mod taskrouter;
pub mod tasks;
pub mod twiml_bins;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;

use crate::components::link::{app_path, href, sign_in_then};
use crate::components::no_permission::NoPermission;
use crate::components::offer::{Refusal, offer};
use crate::domain::{AccountPage, AccountSid, Actor, Command, DomainError, UserSid};
use crate::store::Store;

/// Who is looking at which account: provided to every page under `/accounts/:account_sid`.
/// Two SIDs, so it is `Copy`: closures take it as it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AccountScope {
    /// The account in the URL.
    pub account: AccountSid,
    /// The signed-in Console user, a member of the account.
    pub user: UserSid,
}

impl AccountScope {
    /// The scope provided by [`AccountLayout`].
    pub fn get() -> AccountScope {
        expect_context::<AccountScope>()
    }

    /// The signed-in user as the domain's actor.
    pub fn actor(&self) -> Actor {
        Actor::User(self.user)
    }

    /// The domain's answer for a command the user would run in this account (tracked).
    pub fn offer(
        &self,
        command: impl Fn(&AccountSid) -> Command + Send + Sync + 'static,
    ) -> Refusal {
        let account = self.account;
        offer(self.actor(), move || command(&account))
    }
}

/// Checks the URL's account and the user's membership, then renders the page. The page is
/// built anew for each account, so nothing on screen carries over from the previous one.
#[component]
pub fn AccountLayout() -> impl IntoView {
    let store = Store::get();
    let params = use_params_map();
    // One memo decides what the layout shows, so a command that changes something else in
    // the store does not rebuild the page (and lose what the user typed or where focus was).
    let scope = Memo::new(move |_| {
        let raw = params.with(|p| p.get("account_sid")).unwrap_or_default();
        let Some(user) = store.signed_in() else {
            return Gate::SignIn;
        };
        let Ok(account) = raw.parse::<AccountSid>() else {
            return Gate::Unknown(raw);
        };
        let actor = Actor::User(user);
        store.with(
            |c| match c.may_open(&actor, &account, AccountPage::AccountInfo) {
                Ok(()) => Gate::Open(AccountScope { account, user }),
                Err(DomainError::UnknownAccount(_)) => Gate::Unknown(raw),
                Err(refused) => Gate::NotAMember(refused.to_string()),
            },
        )
    });
    move || match scope.get() {
        Gate::SignIn => view! { <SignInFirst /> }.into_any(),
        Gate::Unknown(sid) => view! { <UnknownAccount sid /> }.into_any(),
        Gate::NotAMember(reason) => view! { <NotAMember reason /> }.into_any(),
        Gate::Open(scope) => {
            provide_context(scope);
            view! { <Outlet /> }.into_any()
        }
    }
}

/// What the account layout shows.
#[derive(Clone, PartialEq)]
enum Gate {
    SignIn,
    Unknown(String),
    NotAMember(String),
    Open(AccountScope),
}

/// Shows `children` when the domain lets the user open `page`, else the no-permission
/// page with its reason.
#[component]
pub fn Requires(
    /// The page.
    page: AccountPage,
    children: ChildrenFn,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let refused = Memo::new(move |_| {
        store
            .with(|c| c.may_open(&scope.actor(), &scope.account, page))
            .err()
            .map(|e| e.to_string())
    });
    move || match refused.get() {
        None => children().into_any(),
        Some(reason) => view! { <NoPermission reason /> }.into_any(),
    }
}

/// A signed-out tab on an account's page: signing in comes back here.
#[component]
fn SignInFirst() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let here = location.pathname.get_untracked() + &location.search.get_untracked();
    let sign_in = sign_in_then(&app_path(&here));
    view! {
        <section class="page" aria-labelledby="sign-in-first">
            <h1 id="sign-in-first">"Sign in to continue"</h1>
            <p>"This page belongs to an account. " <a href=sign_in>"Sign in as a Console user"</a> " to open it; you come back here after."</p>
        </section>
    }
}

#[component]
fn UnknownAccount(sid: String) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="unknown-account">
            <h1 id="unknown-account">"Account not found"</h1>
            <p>"There is no account " <code>{sid}</code> "."</p>
            <p><a href=href("/accounts")>"View all your accounts"</a></p>
        </section>
    }
}

#[component]
fn NotAMember(reason: String) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="not-a-member" data-testid="no-permission">
            <h1 id="not-a-member">"You don't have access to this account"</h1>
            <p>{reason}</p>
            <p><a href=href("/accounts")>"View all your accounts"</a></p>
        </section>
    }
}

/// What a page of an account without Flex says: what it has not got yet, and the way to the
/// Flex overview, where Flex is set up.
#[component]
pub fn NoFlexYet(
    /// What the account has none of yet, e.g. "Flex users" or "TaskRouter resources".
    what: &'static str,
    /// Whether setting up Flex creates them (a product's resources), rather than their simply
    /// not being there yet (Flex's own pages).
    #[prop(optional)]
    provisioned: bool,
) -> impl IntoView {
    let scope = AccountScope::get();
    let overview = href(&format!("/accounts/{}/flex", scope.account));
    let why = if provisioned {
        format!("This account has no Flex instance. {what} are created when Flex is set up.")
    } else {
        format!("This account has no Flex instance, so it has no {what} yet.")
    };
    view! {
        <div class="notice" data-testid="no-flex">
            <p>{why}</p>
            <p><a href=overview>"Go to the Flex overview"</a>" to set up Flex."</p>
        </div>
    }
}
