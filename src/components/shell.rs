//! The Console layout every page sits in: top bar, left navigation, main area.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use super::account_switcher::{AccountSwitcher, current_account};
use super::link::{NavLink, href};
use super::offer::reason_id;
use super::palette::{Palette, PaletteState};
use super::save_state::SaveState;
use super::shortcuts::Shortcuts;
use super::store_banner::StoreBanner;
use super::theme_toggle::ThemeToggle;
use super::toast::ToastRegion;
use super::user_menu::UserMenu;
use crate::domain::{AccountPage, AccountSid, Actor, PageGroup};
use crate::store::Store;

/// The Console frame: a skip link, the top bar, the navigation and the page in `<main>`.
/// Under `/flex/` the Flex UI brings its own frame, so only the page and the toasts are shown.
#[component]
pub fn Shell(children: ChildrenFn) -> impl IntoView {
    let location = use_location();
    // A memo, so the frame is rebuilt only when crossing into or out of the Flex UI.
    // The location's path still has the sub-path the app is served under in front.
    let base = super::link::base_path();
    let in_flex = Memo::new(move |_| {
        location.pathname.with(|p| {
            p.strip_prefix(base.as_str())
                .unwrap_or(p)
                .starts_with("/flex/")
        })
    });
    // Crossing rebuilds the routes, and a fresh `Routes` does not tell the router that a
    // link's navigation is done, which would leave the old address in the address bar.
    let router = use_context::<BrowserUrl>();
    Effect::new(move |crossed: Option<bool>| {
        let now = in_flex.get();
        if crossed.is_some()
            && let Some(router) = &router
        {
            router.ready_to_complete();
        }
        now
    });
    let page = children.clone();
    PaletteState::provide();
    let frame = move || {
        if in_flex.get() {
            view! { {page()} <ToastRegion /> }.into_any()
        } else {
            view! { <ConsoleFrame children=children.clone() /> }.into_any()
        }
    };
    view! {
        {frame}
        <Palette />
        <Shortcuts />
    }
}

/// The Console's own frame around a page. On a phone the navigation is a drawer the menu
/// button opens: the rest of the page is inert while it is open (focus stays in it), Escape
/// or a link closes it and focus goes back to the button.
#[component]
fn ConsoleFrame(children: ChildrenFn) -> impl IntoView {
    let store = Store::get();
    let signed_in = move || store.signed_in();
    let drawer = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    let nav = NodeRef::<leptos::html::Nav>::new();
    let close_drawer = move |give_back: bool| {
        drawer.set(false);
        if give_back {
            // Once the top bar is no longer inert (the next frame).
            super::focus::soon(move || {
                if let Some(button) = menu_button.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    };
    let open_drawer = move |_| {
        drawer.set(true);
        super::focus::soon(move || {
            let first = nav
                .get_untracked()
                .and_then(|n| n.query_selector("a[href]").ok().flatten())
                .and_then(|a| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a).ok());
            if let Some(first) = first {
                let _ = first.focus();
            }
        });
    };
    // The drawer is a phone's: a window made wider than one shows the navigation as a column
    // again (a phone's own resizes, its address bar or keyboard, leave it open).
    let resized = window_event_listener(leptos::ev::resize, move |_| {
        let wide = window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w > 720.0);
        if drawer.get_untracked() && wide {
            close_drawer(false);
        }
    });
    on_cleanup(move || resized.remove());
    // Any way of leaving the page (a link in the drawer, Back, the palette) closes it, and
    // focus goes to the page that opened, not to a link that is no longer on screen.
    let location = use_location();
    Effect::new(move |before: Option<String>| {
        let path = location.pathname.get();
        if before.is_some_and(|b| b != path) && drawer.get_untracked() {
            drawer.set(false);
            super::focus::soon(|| {
                if let Some(main) = document()
                    .get_element_by_id("main")
                    .and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
                {
                    let _ = main.focus();
                }
            });
        }
        path
    });
    let on_nav_key = move |ev: leptos::ev::KeyboardEvent| {
        if !drawer.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                close_drawer(true);
            }
            // Tab goes round the drawer: from its last link to its Close button and back.
            "Tab" => {
                let Some(nav) = nav.get_untracked() else {
                    return;
                };
                let find = |selector: &str| {
                    nav.query_selector(selector).ok().flatten().and_then(|e| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()
                    })
                };
                let (Some(first), Some(last)) =
                    (find(".drawer-close"), find("ul > li:last-child a"))
                else {
                    return;
                };
                let active = document().active_element();
                let at = |e: &web_sys::HtmlElement| {
                    active.as_ref().is_some_and(|a| {
                        a == wasm_bindgen::JsCast::unchecked_ref::<web_sys::Element>(e)
                    })
                };
                let to = if ev.shift_key() {
                    at(&first).then_some(last)
                } else {
                    at(&last).then_some(first)
                };
                if let Some(to) = to {
                    ev.prevent_default();
                    let _ = to.focus();
                }
            }
            _ => {}
        }
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <div class="shell" class:drawer-open=move || drawer.get()>
            <header class="topbar" inert=move || drawer.get()>
                <button
                    type="button"
                    class="icon-button nav-button"
                    node_ref=menu_button
                    aria-controls="console-nav"
                    aria-expanded=move || drawer.get().to_string()
                    on:click=open_drawer
                >
                    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor" stroke-width="2">
                        <path d="M2 4h14M2 9h14M2 14h14" />
                    </svg>
                    <span class="visually-hidden">"Menu"</span>
                </button>
                <a class="brand" href=href("/")>
                    <span class="brand-mark" aria-hidden="true">"F"</span>
                    <span class="brand-name">"Flex Console"</span>
                </a>
                <div class="topbar-slot">
                    {move || signed_in().map(|user| view! { <AccountSwitcher user /> })}
                </div>
                <div class="topbar-actions">
                    <SaveState />
                    {move || signed_in().map(|_| view! {
                        <button type="button" class="icon-button palette-button" aria-keyshortcuts="Control+K Meta+K /"
                            on:click=move |_| PaletteState::get().open()>
                            <svg class="topbar-icon" aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="2">
                                <circle cx="7" cy="7" r="5" /><path d="M11 11l4 4" />
                            </svg>
                            <span class="topbar-label">"Jump to…"</span> <kbd class="palette-kbd">"Ctrl K"</kbd>
                        </button>
                    })}
                    <ThemeToggle />
                    {move || signed_in().map(|user| view! { <UserMenu user /> })}
                </div>
            </header>
            <div class="drawer-backdrop" aria-hidden="true" on:click=move |_| close_drawer(true)></div>
            <nav id="console-nav" class="sidenav" aria-label="Console" node_ref=nav on:keydown=on_nav_key>
                <button type="button" class="icon-button drawer-close" on:click=move |_| close_drawer(true)>
                    "Close menu"
                </button>
                <SideNav />
            </nav>
            <main id="main" class="content" tabindex="-1" inert=move || drawer.get()>
                <StoreBanner />
                {children()}
            </main>
            <ToastRegion />
        </div>
    }
}

/// The left navigation: the account's pages when an account is open, else the start pages.
/// A page the signed-in user may not open is marked, with the domain's reason.
#[component]
fn SideNav() -> impl IntoView {
    let store = Store::get();
    let account = current_account();
    move || {
        let signed_in = store.signed_in().is_some();
        let account_links = account.get().map(|sid| {
            // A page's sub-pages (TaskRouter's) follow it, indented.
            let group = |group: PageGroup| {
                AccountPage::ALL
                    .into_iter()
                    .filter(move |page| page.group() == group)
                    .map(|page| view! { <AccountPageLink account=sid page sub=page.parent().is_some() /> })
                    .collect_view()
            };
            view! {
                <li class="nav-heading">"Account"</li>
                {group(PageGroup::Account)}
                <li class="nav-heading">"Products"</li>
                {group(PageGroup::Products)}
            }
        });
        view! {
            <ul>
                <li><NavLink to="/">{if signed_in { "Switch user" } else { "Sign in" }}</NavLink></li>
                {signed_in.then(|| view! {
                    <li><NavLink to="/accounts">"All accounts"</NavLink></li>
                    <li><NavLink to="/activity">"All activity"</NavLink></li>
                })}
                {account_links}
                // Outside the simulated Console (an identity provider, the store): their own group,
                // not under an account's products.
                <li class="nav-heading">"Presenter tools"</li>
                <li><NavLink to="/sso">"Flex SSO login"</NavLink></li>
                <li><NavLink to="/data">"Data"</NavLink></li>
            </ul>
        }
    }
}

/// One page of the account in the navigation; marked when the domain says the signed-in
/// user may not open it, with the reason on hover, on focus and to screen readers.
#[component]
fn AccountPageLink(
    account: AccountSid,
    page: AccountPage,
    /// Whether it is a sub-page, shown under its parent.
    sub: bool,
) -> impl IntoView {
    let store = Store::get();
    let to = format!("/accounts/{account}{}", page.path());
    let refused = Memo::new(move |_| {
        let user = store.signed_in()?;
        store
            .with(|c| c.may_open(&Actor::User(user), &account, page))
            .err()
            .map(|e| e.to_string())
    });
    let id = reason_id();
    let described = id.clone();
    view! {
        <li class="offer nav-item" class:nav-sub=sub class:nav-refused=move || refused.with(Option::is_some)>
            // A sub-page's own pages (a queue's) count as it.
            <NavLink to prefix=sub described_by=Signal::derive(move || refused.with(|r| r.is_some().then(|| described.clone())))>
                {page.title()}
                <svg class="nav-lock" aria-hidden="true" viewBox="0 0 16 16" width="12" height="12"
                    style:display=move || if refused.with(Option::is_none) { "none" } else { "inline" }>
                    <path fill="currentColor" d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" />
                </svg>
            </NavLink>
            {move || refused.get().map(|why| view! { <span id=id.clone() class="offer-why">{why}</span> })}
        </li>
    }
}
