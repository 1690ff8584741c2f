//! Pages of one account (`/accounts/:account_sid/...`) and the layout they share.

pub mod account_info;
pub mod activity;
pub mod billing;
pub mod flex_overview;
pub mod flex_users;
pub mod functions;
pub mod phone_numbers;
pub mod studio;
pub mod taskrouter;
pub mod twiml_bins;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;

use crate::components::link::href;
use crate::components::no_permission::NoPermission;
use crate::domain::{AccountSid, Actor, Capability, UserSid};
use crate::store::Store;

/// Who is looking at which account: provided to every page under `/accounts/:account_sid`.
#[derive(Clone, Debug, PartialEq)]
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
        Actor::User(self.user.clone())
    }

    /// Whether the user's roles allow `capability` here (tracked).
    pub fn can(&self, capability: Capability) -> bool {
        let actor = self.actor();
        Store::get().with(|c| c.can(&actor, &self.account, capability))
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
        store.with(|c| match c.account(&account) {
            None => Gate::Unknown(raw),
            Some(a) if a.roles_of(&user).is_none() => Gate::NotAMember,
            Some(_) => Gate::Open(AccountScope { account, user }),
        })
    });
    move || match scope.get() {
        Gate::SignIn => view! { <SignInFirst /> }.into_any(),
        Gate::Unknown(sid) => view! { <UnknownAccount sid /> }.into_any(),
        Gate::NotAMember => view! { <NotAMember /> }.into_any(),
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
    NotAMember,
    Open(AccountScope),
}

/// Shows `children` when the user's roles allow `capability`, else the no-permission page.
#[component]
pub fn Requires(
    /// The capability the page needs.
    capability: Capability,
    /// What the page is for, e.g. "Managing users".
    #[prop(into)]
    action: String,
    children: ChildrenFn,
) -> impl IntoView {
    let scope = AccountScope::get();
    let allowed = Memo::new(move |_| scope.can(capability));
    move || {
        if allowed.get() {
            children().into_any()
        } else {
            view! { <NoPermission action=action.clone() capability /> }.into_any()
        }
    }
}

#[component]
fn SignInFirst() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="sign-in-first">
            <h1 id="sign-in-first">"Sign in to continue"</h1>
            <p>"This page belongs to an account. " <a href=href("/")>"Sign in as a Console user"</a> " to open it."</p>
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
fn NotAMember() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="not-a-member" data-testid="no-permission">
            <h1 id="not-a-member">"You don't have access to this account"</h1>
            <p>"You are not a member of this account. An Owner or Administrator of the account can invite you."</p>
            <p><a href=href("/accounts")>"View all your accounts"</a></p>
        </section>
    }
}
