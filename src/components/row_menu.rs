//! A row's actions behind one "⋯" button, so a table keeps one narrow column for them: the
//! ARIA menu button pattern. Enter, Space or the arrows open it on its first (or last) item,
//! the arrows, Home and End move, Escape closes it and gives focus back to the button, Tab
//! or a click elsewhere closes it. An action the domain refuses stays in the menu, marked
//! and with the domain's reason written under it, so it reads on touch and to screen readers.
//!
//! The menu is placed with `position: fixed` under (or over) its button, so a table's
//! scroller never clips it; it closes when the page scrolls or the window is resized, and
//! when a press lands outside it (a pointer event: Safari does not focus a pressed button).

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::focus;
use super::offer::{Refusal, reason_id, unique_id};

/// One action in a [`RowMenu`].
#[derive(Clone, Copy)]
pub struct MenuAction {
    /// What the item says ("Delete").
    label: &'static str,
    /// Why it may not be run now, in the domain's words (None: it may).
    refused: Refusal,
    /// Runs it, once the menu has closed and focus is back on the button.
    run: Callback<()>,
    /// Whether it destroys something (shown in the danger colour).
    danger: bool,
}

impl MenuAction {
    /// An action the domain answers for with `refused`.
    pub fn new(label: &'static str, refused: Refusal, run: Callback<()>) -> MenuAction {
        MenuAction {
            label,
            refused,
            run,
            danger: false,
        }
    }

    /// An action anyone who sees the row may run (looking, not changing).
    pub fn always(label: &'static str, run: Callback<()>) -> MenuAction {
        MenuAction::new(label, Memo::new(|_| None), run)
    }

    /// The same action, shown as one that destroys something.
    pub fn danger(self) -> MenuAction {
        MenuAction {
            danger: true,
            ..self
        }
    }
}

/// Where an open menu sits, in the window's pixels.
#[derive(Clone, Copy, PartialEq)]
struct Place {
    /// From the window's right edge to the menu's.
    right: f64,
    /// From the window's top to the menu's top, or from its bottom to the menu's bottom
    /// when there is no room under the button.
    top: Option<f64>,
    bottom: Option<f64>,
}

fn px(value: f64) -> String {
    format!("{value}px")
}

/// Which item to focus as the menu opens.
#[derive(Clone, Copy)]
enum Start {
    First,
    Last,
}

/// The "⋯" button of a row and the menu of its actions.
#[component]
pub fn RowMenu(
    /// The button's accessible name, e.g. "Actions for Maria Garcia".
    #[prop(into)]
    label: Signal<String>,
    /// The actions, in the order the menu lists them.
    actions: Vec<MenuAction>,
) -> impl IntoView {
    let place = RwSignal::new(None::<Place>);
    let button = NodeRef::<html::Button>::new();
    let menu = NodeRef::<html::Ul>::new();
    let menu_id = unique_id("menu");
    let count = actions.len();
    // Listening to the window only while open: a page of rows has a menu each.
    let listeners = StoredValue::new_local(Vec::<WindowListenerHandle>::new());
    let wrap = NodeRef::<html::Div>::new();
    let close = move || {
        place.set(None);
        for handle in listeners
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            handle.remove();
        }
    };
    let open = move |start: Start| {
        let Some(el) = button.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let window = window();
        let number = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
        let width = number(window.inner_width()).unwrap_or(rect.right());
        let height = number(window.inner_height()).unwrap_or(f64::MAX);
        // About one line an item, more when reasons are written under refused ones.
        let wanted = 16.0 + 44.0 * count as f64;
        let room_below = height - rect.bottom() >= wanted || rect.top() < wanted;
        place.set(Some(Place {
            right: (width - rect.right()).max(8.0),
            top: room_below.then_some(rect.bottom() + 4.0),
            bottom: (!room_below).then_some(height - rect.top() + 4.0),
        }));
        focus::soon(move || {
            // Closed before this frame came (Escape pressed at once): nothing to watch or focus.
            if place.get_untracked().is_none() {
                return;
            }
            // From the next frame: a scroll that brought the button into view just before
            // the press is reported in this one, and must not close what it opened.
            listeners.set_value(vec![
                window_event_listener(ev::scroll, move |_| close()),
                window_event_listener(ev::resize, move |_| close()),
                window_event_listener(ev::pointerdown, move |ev| {
                    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    let inside = wrap
                        .get_untracked()
                        .zip(target)
                        .is_some_and(|(w, t)| w.contains(Some(&t)));
                    if !inside {
                        close();
                    }
                }),
            ]);
            focus_opening(menu, start);
        });
    };
    let back = move || {
        close();
        if let Some(el) = button.get_untracked() {
            let _ = el.focus();
        }
    };
    let on_button_key = move |ev: ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            open(Start::First);
        }
        "ArrowUp" => {
            ev.prevent_default();
            open(Start::Last);
        }
        // Focus moves into the menu a frame after it opens: Escape before that still closes it.
        "Escape" if place.get_untracked().is_some() => {
            ev.prevent_default();
            ev.stop_propagation();
            back();
        }
        _ => {}
    };
    let on_menu_key = move |ev: ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Home" => {
                ev.prevent_default();
                return focus_item(menu, Start::First, 0);
            }
            "End" => {
                ev.prevent_default();
                return focus_item(menu, Start::Last, 0);
            }
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                return back();
            }
            "Tab" => return close(),
            _ => return,
        };
        ev.prevent_default();
        focus_item(menu, Start::First, step);
    };
    // Focus moving to another element of the page (Tab, Shift+Tab) closes it; a press
    // elsewhere is the pointer listener's.
    let on_focus_out = move |ev: ev::FocusEvent| {
        let Some(to) = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        let inside = wrap.get_untracked().is_some_and(|w| w.contains(Some(&to)));
        if !inside && place.get_untracked().is_some() {
            close();
        }
    };
    // A row removed while its menu is open takes its window listeners with it.
    on_cleanup(close);
    // Items refused for the same reason one after the other (the Owner's Change roles and
    // Remove) share one written reason, under the last of them, which each is described by.
    let refusals: Vec<Refusal> = actions.iter().map(|a| a.refused).collect();
    let reason_ids: Vec<String> = actions.iter().map(|_| reason_id()).collect();
    let same_as_next = {
        let refusals = refusals.clone();
        move |i: usize| {
            refusals.get(i + 1).is_some_and(|next| {
                refusals[i].with(|mine| mine.is_some() && next.with(|theirs| theirs == mine))
            })
        }
    };
    let items = actions
        .into_iter()
        .enumerate()
        .map(|(i, action)| {
            let why = reason_ids[i].clone();
            let described = {
                let (ids, same_as_next) = (reason_ids.clone(), same_as_next.clone());
                move || {
                    action.refused.with(Option::is_some).then(|| {
                        let mut at = i;
                        while same_as_next(at) {
                            at += 1;
                        }
                        ids[at].clone()
                    })
                }
            };
            let written = {
                let same_as_next = same_as_next.clone();
                move || action.refused.get().filter(|_| !same_as_next(i))
            };
            let press = move |_| {
                if action.refused.with_untracked(Option::is_none) {
                    back();
                    action.run.run(());
                }
            };
            view! {
                <li role="none">
                    <button
                        type="button"
                        role="menuitem"
                        tabindex="-1"
                        class="row-menu-item"
                        class:row-menu-danger=action.danger
                        aria-disabled=move || action.refused.with(|r| r.is_some().then_some("true"))
                        aria-describedby=described
                        on:click=press
                    >
                        {action.label}
                    </button>
                    {move || written().map(|reason| view! {
                        <span id=why.clone() class="row-menu-why" data-testid="refusal">{reason}</span>
                    })}
                </li>
            }
        })
        .collect_view();
    let controls = menu_id.clone();
    view! {
        <div class="row-menu" node_ref=wrap on:focusout=on_focus_out>
            <button
                type="button"
                class="button button-small row-menu-button"
                node_ref=button
                aria-label=move || label.get()
                aria-haspopup="menu"
                aria-expanded=move || place.with(Option::is_some).to_string()
                aria-controls=controls
                on:click=move |_| if place.get_untracked().is_some() { close() } else { open(Start::First) }
                on:keydown=on_button_key
            >
                <span aria-hidden="true">"⋯"</span>
            </button>
            <ul
                id=menu_id
                role="menu"
                class="row-menu-list"
                node_ref=menu
                aria-label=move || label.get()
                hidden=move || place.with(Option::is_none)
                // Set through the CSS object model: the strict CSP refuses style attributes.
                style:right=move || place.get().map(|p| px(p.right))
                style:top=move || place.get().and_then(|p| p.top).map(px)
                style:bottom=move || place.get().and_then(|p| p.bottom).map(px)
                on:keydown=on_menu_key
            >
                {items}
            </ul>
        </div>
    }
}

/// The menu's items, in order (each <li> holds its item first).
fn menu_items(menu: NodeRef<html::Ul>) -> Vec<web_sys::HtmlElement> {
    let Some(menu) = menu.get_untracked() else {
        return Vec::new();
    };
    std::iter::successors(menu.first_element_child(), |li| li.next_element_sibling())
        .filter_map(|li| li.first_element_child())
        .filter_map(|item| item.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Focuses the item a menu opens on: the first (or last) one that may be used, so a refused
/// item is never the one that looks chosen; the first (or last) of all when none may.
fn focus_opening(menu: NodeRef<html::Ul>, start: Start) {
    let items = menu_items(menu);
    let usable = |item: &&web_sys::HtmlElement| {
        item.get_attribute("aria-disabled").as_deref() != Some("true")
    };
    let found = match start {
        Start::First => items.iter().find(usable).or(items.first()),
        Start::Last => items.iter().rev().find(usable).or(items.last()),
    };
    if let Some(item) = found {
        let _ = item.focus();
    }
}

/// Focuses an item of the menu: the first or last, or (with a `step`) the one `step` away
/// from the focused one, wrapping round.
fn focus_item(menu: NodeRef<html::Ul>, start: Start, step: i32) {
    let items = menu_items(menu);
    let n = items.len() as i32;
    if n == 0 {
        return;
    }
    let active = document().active_element();
    let here = items.iter().position(|i| {
        active
            .as_ref()
            .is_some_and(|a| a == i.unchecked_ref::<web_sys::Element>())
    });
    let to = match (step, here, start) {
        (0, _, Start::First) => 0,
        (0, _, Start::Last) => n - 1,
        (_, Some(here), _) => (here as i32 + step).rem_euclid(n),
        (_, None, _) => 0,
    };
    let _ = items[to as usize].focus();
}
