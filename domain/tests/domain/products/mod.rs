//! Phone numbers, Studio flows, Functions and TwiML Bins.

mod rules;
mod twiml;
