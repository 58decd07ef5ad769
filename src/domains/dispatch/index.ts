/** What other parts of the app may use of dispatch (nothing yet: it builds on listings, matches and accounts). */
export {}
