//! The Console shell: layout landmarks, navigation state and the theme switch.

use flex_console::App;
use flex_console::components::theme_toggle::ThemeToggle;
use flex_console::domain::Console;
use flex_console::store::Loaded;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{at_path, mount, settle};

#[wasm_bindgen_test]
async fn the_app_renders_banner_navigation_and_main() {
    at_path("/");
    let app = mount(|| view! { <App loaded=Loaded::in_memory(Console::demo()) /> });
    settle().await;
    assert!(
        app.find("header.topbar")
            .inner_text()
            .contains("Flex Console")
    );
    assert_eq!(
        app.find("nav").get_attribute("aria-label").as_deref(),
        Some("Console")
    );
    assert!(
        app.find("main h1")
            .inner_text()
            .contains("Sign in to the Console")
    );
}

#[wasm_bindgen_test]
async fn picking_a_user_signs_in_and_lists_their_accounts_with_roles() {
    flex_console::store::session::save(None);
    at_path("/");
    let app = mount(|| view! { <App loaded=Loaded::in_memory(Console::demo()) /> });
    settle().await;
    let maria = app.find("button.user-card");
    let name = maria
        .query_selector(".user-card-name")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    maria.click();
    settle().await;
    assert!(app.find("main h1").inner_text().contains("Accounts"));
    assert!(
        app.find("[data-testid=signed-in-user]")
            .inner_text()
            .contains(&name)
    );
    let table = app.find("main table").inner_text();
    assert!(
        !table.is_empty(),
        "the signed-in user's accounts are listed"
    );
    assert!(
        table.contains("Owner")
            || table.contains("Administrator")
            || table.contains("Developer")
            || table.contains("Billing Manager")
            || table.contains("Support")
    );
    flex_console::store::session::save(None);
}

#[wasm_bindgen_test]
async fn the_theme_toggle_flips_the_page_theme() {
    let toggle = mount(|| view! { <ThemeToggle /> });
    settle().await;
    let html = document().document_element().unwrap();
    let before = html.get_attribute("data-theme").unwrap();
    let button = toggle.find("button");
    let pressed_before = button.get_attribute("aria-pressed").unwrap();

    button.click();
    settle().await;

    let after = html.get_attribute("data-theme").unwrap();
    assert_ne!(before, after);
    assert_ne!(
        button.get_attribute("aria-pressed").unwrap(),
        pressed_before
    );
    // The button offers the other theme.
    let label = toggle
        .find(".topbar-label")
        .text_content()
        .unwrap_or_default();
    assert_eq!(after == "dark", label == "Light theme");
}
