//! People and accounts: sign-up, accounts, membership and invitations, tokens and API keys,
//! the permission matrix, and the questions pages ask about them.

mod accounts;
mod api_keys;
mod invitations;
mod matrix;
mod membership;
mod queries;
mod sign_up;
mod tokens;
