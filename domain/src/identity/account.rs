//! Accounts (projects): members, status, type and Auth Tokens.

use crate::flex::instance::FlexInstance;
use crate::identity::api_key::ApiKey;
use crate::identity::invitation::{Invitation, InvitationId};
use crate::identity::roles::RoleSet;
use crate::identity::token::AuthToken;
use crate::products::phone_number::PhoneNumber;
use crate::products::twiml_bin::TwimlBin;
use crate::revision::Revision;
use crate::sid::{AccountSid, ApiKeySid, PhoneNumberSid, StudioFlowSid, TwimlBinSid, UserSid};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether an account can be used. Closed is final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    /// In use.
    Active,
    /// Frozen until reactivated.
    Suspended,
    /// Gone for good.
    Closed,
}

/// Trial or paid (Full) account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountType {
    /// Free trial.
    Trial,
    /// Upgraded, paid account.
    Full,
}

impl std::fmt::Display for AccountStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AccountStatus::Active => "Active",
            AccountStatus::Suspended => "Suspended",
            AccountStatus::Closed => "Closed",
        })
    }
}

impl std::fmt::Display for AccountType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AccountType::Trial => "Trial",
            AccountType::Full => "Full",
        })
    }
}

/// A Console user's place in an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The member's roles.
    pub roles: RoleSet,
    /// When they joined (or their roles last changed).
    pub since: Timestamp,
    /// How often their roles changed here, and the last change's author.
    #[serde(default, skip_serializing_if = "Revision::is_new")]
    pub revision: Revision,
}

/// A Twilio account with its members, invitations, credentials and optional Flex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The Account SID.
    pub sid: AccountSid,
    /// The name shown in the Console.
    pub friendly_name: String,
    /// How often the name changed, and the last change's author.
    #[serde(default, skip_serializing_if = "Revision::is_new")]
    pub name_revision: Revision,
    /// Trial or Full.
    pub account_type: AccountType,
    /// Active, suspended or closed.
    pub status: AccountStatus,
    /// When it was created.
    pub created: Timestamp,
    /// The primary Auth Token.
    pub auth_token: AuthToken,
    /// The secondary Auth Token, while rotating.
    pub secondary_auth_token: Option<AuthToken>,
    /// Members by user SID; exactly one is the Owner.
    pub members: BTreeMap<UserSid, Member>,
    /// Every invitation ever sent, by number.
    pub invitations: BTreeMap<InvitationId, Invitation>,
    /// The number the next invitation gets.
    pub next_invitation_id: u64,
    /// The Flex instance, if Flex is set up.
    pub flex: Option<FlexInstance>,
    /// Incoming phone numbers by SID.
    #[serde(default)]
    pub phone_numbers: BTreeMap<PhoneNumberSid, PhoneNumber>,
    /// TwiML Bins by SID.
    #[serde(default)]
    pub twiml_bins: BTreeMap<TwimlBinSid, TwimlBin>,
    /// API keys by SID.
    #[serde(default)]
    pub api_keys: BTreeMap<ApiKeySid, ApiKey>,
}

impl Account {
    /// The Owner's SID (None only in an invalid state).
    pub fn owner(&self) -> Option<&UserSid> {
        self.members
            .iter()
            .find(|(_, m)| m.roles.is_owner())
            .map(|(sid, _)| sid)
    }

    /// The name of a Studio flow of this account's Flex instance.
    pub fn studio_flow_name(&self, flow: &StudioFlowSid) -> Option<&str> {
        let flex = self.flex.as_ref()?;
        flex.studio_flows
            .iter()
            .find(|f| &f.sid == flow)
            .map(|f| f.friendly_name.as_str())
    }

    /// A Studio flow of this account's Flex instance.
    pub fn studio_flow(
        &self,
        flow: &StudioFlowSid,
    ) -> Option<&crate::products::studio::StudioFlow> {
        self.flex
            .as_ref()?
            .studio_flows
            .iter()
            .find(|f| &f.sid == flow)
    }

    /// A user's roles here, if they are a member.
    pub fn roles_of(&self, user: &UserSid) -> Option<RoleSet> {
        self.members.get(user).map(|m| m.roles)
    }
}
