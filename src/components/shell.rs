//! The Console layout every page sits in: top bar, left navigation, main area.

use leptos::prelude::*;

use super::link::{NavLink, href};
use super::store_banner::StoreBanner;
use super::theme_toggle::ThemeToggle;

/// The Console frame: a skip link, the top bar, the navigation and the page in `<main>`.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <div class="shell">
            <header class="topbar">
                <a class="brand" href=href("/")>
                    <span class="brand-mark" aria-hidden="true">"F"</span>
                    <span>"Flex Console"</span>
                </a>
                <div class="topbar-slot" data-testid="account-switcher-slot"></div>
                <div class="topbar-actions">
                    <ThemeToggle />
                    <div data-testid="user-menu-slot"></div>
                </div>
            </header>
            <nav class="sidenav" aria-label="Console">
                <ul>
                    <li>
                        <NavLink to="/">"Home"</NavLink>
                    </li>
                    <li><NavLink to="/data">"Data"</NavLink></li>
                </ul>
            </nav>
            <main id="main" class="content" tabindex="-1">
                <StoreBanner />
                {children()}
            </main>
        </div>
    }
}
