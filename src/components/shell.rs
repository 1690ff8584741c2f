//! The Console layout every page sits in: top bar, left navigation, main area.

use leptos::prelude::*;

use super::account_switcher::{AccountSwitcher, current_account};
use super::link::{NavLink, href};
use super::store_banner::StoreBanner;
use super::theme_toggle::ThemeToggle;
use super::toast::ToastRegion;
use super::user_menu::UserMenu;
use crate::store::Store;

/// The Console frame: a skip link, the top bar, the navigation and the page in `<main>`.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let store = Store::get();
    let signed_in = move || store.signed_in();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <div class="shell">
            <header class="topbar">
                <a class="brand" href=href("/")>
                    <span class="brand-mark" aria-hidden="true">"F"</span>
                    <span>"Flex Console"</span>
                </a>
                <div class="topbar-slot">
                    {move || signed_in().map(|user| view! { <AccountSwitcher user /> })}
                </div>
                <div class="topbar-actions">
                    <ThemeToggle />
                    {move || signed_in().map(|user| view! { <UserMenu user /> })}
                </div>
            </header>
            <nav class="sidenav" aria-label="Console">
                <SideNav />
            </nav>
            <main id="main" class="content" tabindex="-1">
                <StoreBanner />
                {children()}
            </main>
            <ToastRegion />
        </div>
    }
}

/// The left navigation: the account's pages when an account is open, else the start pages.
#[component]
fn SideNav() -> impl IntoView {
    let store = Store::get();
    let account = current_account();
    move || {
        let signed_in = store.signed_in().is_some();
        let account_links = account.get().map(|sid| {
            let at = move |page: &str| format!("/accounts/{sid}{page}");
            view! {
                <li class="nav-heading">"Account"</li>
                <li><NavLink to=at("")>"Account Info"</NavLink></li>
                <li><NavLink to=at("/flex")>"Flex overview"</NavLink></li>
                <li><NavLink to=at("/flex/users")>"Flex users"</NavLink></li>
                <li><NavLink to=at("/users")>"Manage users"</NavLink></li>
                <li><NavLink to=at("/billing")>"Billing"</NavLink></li>
            }
        });
        view! {
            <ul>
                <li><NavLink to="/">{if signed_in { "Switch user" } else { "Sign in" }}</NavLink></li>
                {signed_in.then(|| view! { <li><NavLink to="/accounts">"All accounts"</NavLink></li> })}
                {account_links}
                <li><NavLink to="/data">"Data"</NavLink></li>
            </ul>
        }
    }
}
