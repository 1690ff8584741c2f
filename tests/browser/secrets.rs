//! The Auth Token on screen: masked until "Show", and absent for roles that may not see it.

use flex_console::components::masked_secret::{HiddenSecret, MaskedSecret};
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{mount, settle};

const TOKEN: &str = "0123456789abcdef0123456789abcdef";

#[wasm_bindgen_test]
async fn a_secret_is_masked_until_show_is_pressed() {
    let secret = mount(|| view! { <MaskedSecret label="Auth Token" value=TOKEN /> });
    settle().await;
    let code = secret.find("[data-testid=auth-token]");
    assert_eq!(code.inner_text(), "•".repeat(32));
    assert!(!secret.root.inner_html().contains(TOKEN));

    let show = secret.find("button[aria-pressed]");
    show.click();
    settle().await;
    assert_eq!(code.inner_text(), TOKEN);
    assert_eq!(show.inner_text(), "Hide");

    show.click();
    settle().await;
    assert_eq!(code.inner_text(), "•".repeat(32));
}

#[wasm_bindgen_test]
async fn a_hidden_secret_says_why_and_holds_nothing() {
    let hidden = mount(
        || view! { <HiddenSecret label="Auth Token" reason="Needs the Owner, Administrator or Developer role." /> },
    );
    settle().await;
    assert!(
        hidden
            .root
            .inner_text()
            .contains("Needs the Owner, Administrator or Developer role.")
    );
    assert!(hidden.root.query_selector("button").unwrap().is_none());
}
