//! SSO sign-in to Flex: what the identity provider asserts about a person.

use crate::error::DomainError;
use crate::flex::worker::{FlexRole, InsightsRole};
use crate::identity::email::Email;
use serde::{Deserialize, Serialize};

/// The attributes of a SAML assertion that Flex reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoAssertion {
    /// The person's email, also their Flex identity.
    pub email: Email,
    /// The person's name (the email is used when blank).
    pub full_name: String,
    /// Role names as the identity provider sends them.
    pub roles: Vec<String>,
}

impl SsoAssertion {
    /// The Flex and Insights roles asked for. Names that are neither are ignored (identity
    /// providers often send unrelated groups); `flex.readonlyadmin` is refused outright;
    /// without agent, supervisor or admin the login fails with Twilio's error 45050.
    pub fn requested_roles(&self) -> Result<(Vec<FlexRole>, Vec<InsightsRole>), DomainError> {
        let mut flex: Vec<FlexRole> = self
            .roles
            .iter()
            .filter_map(|r| FlexRole::parse(r.trim()))
            .collect();
        if flex.contains(&FlexRole::ReadOnlyAdmin) {
            return Err(DomainError::SsoReadOnlyAdmin);
        }
        if flex.is_empty() {
            return Err(DomainError::SsoRolesInvalid);
        }
        let mut insights: Vec<InsightsRole> = self
            .roles
            .iter()
            .filter_map(|r| InsightsRole::parse(r.trim()))
            .collect();
        flex.sort();
        flex.dedup();
        insights.sort();
        insights.dedup();
        Ok((flex, insights))
    }

    /// The name to show: the asserted name, or the email when it is blank.
    pub fn display_name(&self) -> String {
        let name = self.full_name.trim();
        if name.is_empty() {
            self.email.to_string()
        } else {
            name.to_owned()
        }
    }
}
