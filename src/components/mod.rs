//! Reusable pieces of the Console.

pub mod account_switcher;
pub mod breaks;
pub mod confirm;
pub mod copyable_sid;
pub mod count;
pub mod dialog;
pub mod empty_state;
pub mod focus;
pub mod link;
pub mod listbox;
pub mod masked_secret;
pub mod no_permission;
pub mod offer;
pub mod pagination;
pub mod palette;
pub mod role_picker;
pub mod row_menu;
pub mod search;
pub mod shell;
pub mod shortcuts;
pub mod sort_header;
pub mod store_banner;
pub mod theme_toggle;
pub mod toast;
pub mod url_query;
pub mod user_menu;
