/** What other parts of the app may use of moderation (nothing yet: it sits above every domain it moderates). */
export {}
