//! Who is signed in, per browser tab (sessionStorage), so two tabs can be two users.

use crate::domain::UserSid;

const KEY: &str = "flex-console.signed-in";

/// The user signed in in this tab before a reload, if any.
pub fn load() -> Option<UserSid> {
    storage()?.get_item(KEY).ok().flatten()?.parse().ok()
}

/// Remembers (or forgets, with `None`) the signed-in user for this tab.
pub fn save(user: Option<&UserSid>) {
    let Some(storage) = storage() else { return };
    // A failed write only means a reload asks to sign in again.
    let _ = match user {
        Some(user) => storage.set_item(KEY, user.as_str()),
        None => storage.remove_item(KEY),
    };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
