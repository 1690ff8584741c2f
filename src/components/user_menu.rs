//! The signed-in user's menu: who is signed in, "Switch user" and "Sign out".

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::UserSid;
use crate::store::Store;

/// The user menu in the top bar.
#[component]
pub fn UserMenu(
    /// The signed-in user.
    user: UserSid,
) -> impl IntoView {
    let store = Store::get();
    let open = RwSignal::new(false);
    let navigate = use_navigate();
    let name = Memo::new(move |_| {
        store
            .with(|c| {
                c.user(&user)
                    .map(|u| (u.full_name.clone(), u.email.to_string()))
            })
            .unwrap_or_default()
    });
    let switch_nav = navigate.clone();
    let switch_user = move |_| {
        open.set(false);
        switch_nav("/", Default::default());
    };
    let sign_out = move |_| {
        open.set(false);
        store.sign_out();
        navigate("/", Default::default());
    };
    view! {
        <div class="user-menu" on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }>
            <button
                type="button"
                class="user-button"
                aria-haspopup="true"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="visually-hidden">"Signed in as "</span>
                <span data-testid="signed-in-user">{move || name.get().0}</span>
            </button>
            <Show when=move || open.get()>
                <div class="user-panel">
                    <p class="user-email">{move || name.get().1}</p>
                    <button type="button" class="menu-item" on:click=switch_user.clone()>"Switch user"</button>
                    <button type="button" class="menu-item" on:click=sign_out.clone()>"Sign out"</button>
                </div>
            </Show>
        </div>
    }
}
