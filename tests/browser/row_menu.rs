//! A row's "⋯" menu, by keyboard and pointer: the arrows move round its items, Escape gives
//! focus back to its button, a refused item says why and does nothing, an allowed one runs
//! once the menu has closed.

use flex_console::components::row_menu::{MenuAction, RowMenu};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{all, focused, frames, mount, press, wait_for};

thread_local! {
    /// How many times the allowed action ran.
    static RAN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A menu of two actions: "Change roles" (allowed) and "Remove" (refused, with a reason).
fn menu() -> crate::support::Mounted {
    RAN.with(|r| r.set(0));
    mount(|| {
        let actions = vec![
            MenuAction::always(
                "Change roles",
                Callback::new(|()| RAN.with(|r| r.set(r.get() + 1))),
            ),
            MenuAction::new(
                "Remove",
                Memo::new(|_| Some("The Owner cannot be removed or given other roles.".to_owned())),
                Callback::new(|()| panic!("a refused action ran")),
            )
            .danger(),
        ];
        view! { <RowMenu label="Actions for Maria Garcia" actions /> }
    })
}

fn is(element: &web_sys::HtmlElement) -> bool {
    focused().is_some_and(|f| &f == element.unchecked_ref::<web_sys::Element>())
}

#[wasm_bindgen_test]
async fn the_keyboard_opens_moves_round_and_closes_the_menu() {
    let mounted = menu();
    let button = mounted.find(".row-menu-button");
    let list = mounted.find("[role=menu]");
    assert_eq!(
        button.get_attribute("aria-haspopup").as_deref(),
        Some("menu")
    );
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(list.hidden(), "closed until asked for");

    button.focus().unwrap();
    press(&button, "ArrowDown");
    wait_for("ArrowDown to open the menu on its first item", 10, || {
        all(&list, "[role=menuitem]").first().is_some_and(is)
    })
    .await;
    let items = all(&list, "[role=menuitem]");
    assert_eq!(items.len(), 2);
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!list.hidden());
    assert!(is(&items[0]), "ArrowDown opens on the first item");

    press(&items[0], "ArrowDown");
    assert!(is(&items[1]));
    press(&items[1], "ArrowDown");
    assert!(is(&items[0]), "the arrows wrap round");
    press(&items[0], "ArrowUp");
    assert!(is(&items[1]));
    press(&items[1], "Home");
    assert!(is(&items[0]));
    press(&items[0], "End");
    assert!(is(&items[1]));

    press(&items[1], "Escape");
    wait_for("Escape to close the menu", 10, || list.hidden()).await;
    assert!(list.hidden(), "Escape closes it");
    assert!(is(&button), "and gives focus back to its button");

    press(&button, "ArrowUp");
    // Remove, the last item, is refused: ArrowUp opens on the last one that can be used.
    wait_for("ArrowUp to open the menu", 10, || !list.hidden()).await;
    frames(2).await;
    assert!(
        is(&all(&list, "[role=menuitem]")[0]),
        "ArrowUp opens on the last usable item"
    );
}

#[wasm_bindgen_test]
async fn escape_pressed_before_focus_reaches_the_menu_still_closes_it() {
    // A quick hand, or a busy machine: Escape comes before the frame that moves focus in.
    let mounted = menu();
    let button = mounted.find(".row-menu-button");
    let list = mounted.find("[role=menu]");
    button.focus().unwrap();
    button.click();
    press(&button, "Escape");
    frames(2).await;
    assert!(list.hidden(), "Escape closes it");
    assert!(
        is(&button),
        "focus stays on its button, not in the closed menu"
    );
}

#[wasm_bindgen_test]
async fn a_refused_item_says_why_and_an_allowed_one_runs_after_the_menu_closes() {
    let mounted = menu();
    let button = mounted.find(".row-menu-button");
    let list = mounted.find("[role=menu]");
    button.click();
    wait_for("the menu to open on its first item", 10, || {
        all(&list, "[role=menuitem]").first().is_some_and(is)
    })
    .await;
    let items = all(&list, "[role=menuitem]");
    let remove = &items[1];
    assert_eq!(
        remove.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    let why = remove.get_attribute("aria-describedby").expect("a reason");
    let reason = document()
        .get_element_by_id(&why)
        .expect("the reason is on the page");
    assert_eq!(
        reason.text_content().as_deref(),
        Some("The Owner cannot be removed or given other roles.")
    );
    remove.click();
    frames(2).await;
    assert!(!list.hidden(), "a refused item leaves the menu open");

    let change = &items[0];
    assert_eq!(change.get_attribute("aria-disabled"), None);
    change.click();
    wait_for(
        "the menu to close and the allowed action to run",
        10,
        || list.hidden() && RAN.with(|r| r.get()) == 1,
    )
    .await;
    frames(2).await;
    assert_eq!(RAN.with(|r| r.get()), 1, "the allowed action ran once");
    assert!(
        is(&button),
        "focus is back on the button, where a dialog it opens returns it"
    );
}

#[wasm_bindgen_test]
async fn a_press_outside_closes_the_menu_and_one_inside_does_not() {
    let mounted = menu();
    let button = mounted.find(".row-menu-button");
    let list = mounted.find("[role=menu]");
    // A press as a pointer makes it (Safari focuses no pressed button, so focus cannot tell).
    let press_on = js_sys::Function::new_with_args(
        "element",
        "element.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }))",
    );
    button.click();
    wait_for("the menu to open on its first item", 10, || {
        all(&list, "[role=menuitem]").first().is_some_and(is)
    })
    .await;
    assert!(!list.hidden());
    let item = all(&list, "[role=menuitem]").remove(0);
    press_on.call1(&wasm_bindgen::JsValue::NULL, &item).unwrap();
    frames(2).await;
    assert!(
        !list.hidden(),
        "a press on an item leaves it open for the item's click"
    );
    let body = document().body().unwrap();
    press_on.call1(&wasm_bindgen::JsValue::NULL, &body).unwrap();
    wait_for("a press elsewhere to close the menu", 10, || list.hidden()).await;
    assert!(list.hidden(), "a press elsewhere on the page closes it");
    assert_eq!(RAN.with(|r| r.get()), 0, "and runs nothing");
}

/// The Owner's row: two items refused for the same reason, then one allowed.
fn owner_menu() -> crate::support::Mounted {
    mount(|| {
        let why =
            || Memo::new(|_| Some("The Owner cannot be removed or given other roles.".to_owned()));
        let actions = vec![
            MenuAction::new("Change roles", why(), Callback::new(|()| panic!("refused"))),
            MenuAction::new("Remove", why(), Callback::new(|()| panic!("refused"))).danger(),
            MenuAction::always("View attributes", Callback::new(|()| {})),
        ];
        view! { <RowMenu label="Actions for Maria Garcia" actions /> }
    })
}

#[wasm_bindgen_test]
async fn a_menu_opens_on_its_first_usable_item_and_says_a_shared_reason_once() {
    let mounted = owner_menu();
    let button = mounted.find(".row-menu-button");
    let list = mounted.find("[role=menu]");
    button.click();
    wait_for("the menu to open on its first usable item", 10, || {
        all(&list, "[role=menuitem]").get(2).is_some_and(is)
    })
    .await;
    let items = all(&list, "[role=menuitem]");
    assert!(
        is(&items[2]),
        "a refused item is never the one the menu opens on"
    );
    let reasons = all(&list, ".row-menu-why");
    assert_eq!(reasons.len(), 1, "the same reason is written once");
    assert_eq!(
        reasons[0].text_content().as_deref(),
        Some("The Owner cannot be removed or given other roles.")
    );
    for item in &items[..2] {
        assert_eq!(
            item.get_attribute("aria-describedby").as_deref(),
            Some(reasons[0].id().as_str()),
            "each refused item is described by it"
        );
    }
    assert_eq!(items[2].get_attribute("aria-describedby"), None);
}
