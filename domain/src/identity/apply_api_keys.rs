//! Commands on an account's API keys: create, rename, delete. All of them need the
//! "API credentials" capability (Owner, Administrator, Developer), like the Auth Token.

use crate::apply::{Checked, Ctx, change};
use crate::console::Console;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::identity::api_key::{API_KEY_NAME_MAX, ApiKey, ApiKeySecret, ApiKeyType};
use crate::identity::name::clean_name;
use crate::resources::ResourceKind;
use crate::revision::Revision;
use crate::sid::{AccountSid, ApiKeySid};

/// What the friendly name is called in messages.
const NAME: &str = "API key name";

impl Console {
    /// The secret is made here, once, from the unsaved secret source, and leaves only on the
    /// event `apply` returns.
    pub(crate) fn create_api_key<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        friendly_name: &str,
        key_type: ApiKeyType,
    ) -> Checked<'c> {
        self.authorize(ctx, account)?;
        let friendly_name = clean_name(NAME, friendly_name, API_KEY_NAME_MAX)?;
        change(move |c, ctx| {
            let key = ApiKey {
                sid: ApiKeySid::generate(&mut c.random),
                friendly_name: friendly_name.clone(),
                key_type,
                created: ctx.now,
                revision: Revision::default(),
            };
            // Not from the saved random source: replaying the command must not give it back.
            let secret = ApiKeySecret::generate(&mut c.secrets.0);
            let kind = EventKind::ApiKeyCreated {
                key: key.sid,
                friendly_name,
                key_type,
                secret: Some(secret),
            };
            if let Some(acc) = c.account_mut(account) {
                acc.api_keys.insert(key.sid, key);
            }
            (Some(*account), kind)
        })
    }

    /// Only the friendly name of a key can change; its type and secret stay.
    pub(crate) fn rename_api_key<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        key: &'c ApiKeySid,
        friendly_name: &str,
        revision: Option<u64>,
    ) -> Checked<'c> {
        let from = self.api_key_exists(ctx, account, key)?;
        if let Some(stored) = self.account_ref(account)?.api_keys.get(key) {
            self.check_seen(&stored.revision, revision, || {
                format!("the name of the API key {from}")
            })?;
        }
        let to = clean_name(NAME, friendly_name, API_KEY_NAME_MAX)?;
        change(move |c, ctx| {
            if let Some(stored) = c
                .account_mut(account)
                .and_then(|acc| acc.api_keys.get_mut(key))
            {
                stored.friendly_name.clone_from(&to);
                stored.revision = stored.revision.next(ctx.actor, ctx.now);
            }
            let kind = EventKind::ApiKeyRenamed {
                key: *key,
                from,
                to,
            };
            (Some(*account), kind)
        })
    }

    /// Deleting revokes: requests signed with the key fail from then on.
    pub(crate) fn delete_api_key<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        key: &'c ApiKeySid,
    ) -> Checked<'c> {
        let friendly_name = self.api_key_exists(ctx, account, key)?;
        change(move |c, _| {
            if let Some(acc) = c.account_mut(account) {
                acc.api_keys.remove(key);
            }
            let kind = EventKind::ApiKeyDeleted {
                key: *key,
                friendly_name,
            };
            (Some(*account), kind)
        })
    }

    /// The checks renaming and deleting share: allowed, and the key exists. Gives its name.
    fn api_key_exists(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
        key: &ApiKeySid,
    ) -> Result<String, DomainError> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        acc.api_keys
            .get(key)
            .map(|k| k.friendly_name.clone())
            .ok_or_else(|| self.missing(account, ResourceKind::ApiKey, key.as_str()))
    }
}
