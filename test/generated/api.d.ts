// Generated from the OpenAPI document by openapi-typescript (npm run openapi:client); do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: one database round trip */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Chercher une commune du territoire
         * @description Par nom (sans tenir compte des majuscules, accents ni tirets, avec tolérance aux fautes de frappe), y compris le nom d’une ancienne commune qui lui appartient aujourd’hui, ou par début de code postal. Seules les communes des départements du territoire sont renvoyées.
         */
        get: operations["searchCommunes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communes/{insee}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une commune du territoire, par son code INSEE */
        get: operations["getCommune"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communes/{a}/distance/{b}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Distance entre deux communes du territoire
         * @description À vol d’oiseau, entre les centroïdes des deux communes, en kilomètres arrondis à 0,1 km.
         */
        get: operations["getCommuneDistance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/territory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform of this host */
        get: operations["getTerritory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/territory/help-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Help points of this platform, in its order */
        get: operations["listHelpPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My profile
         * @description With a token, it needs the profile:read scope.
         */
        get: operations["getMyProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change my profile
         * @description Only the fields sent change; fields not listed are ignored. With a token, it needs the profile:write scope.
         */
        patch: operations["updateMyProfile"];
        trace?: never;
    };
    "/api/v1/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member’s public profile */
        get: operations["getPublicProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My access tokens
         * @description From a signed-in browser session only (send the x-csrf-token header): a token cannot create, list or revoke tokens.
         */
        get: operations["listMyTokens"];
        put?: never;
        /**
         * Create an access token
         * @description From a signed-in browser session only (send the x-csrf-token header): a token cannot create, list or revoke tokens.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an access token
         * @description From a signed-in browser session only (send the x-csrf-token header): a token cannot create, list or revoke tokens.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive Web Push notifications on this browser
         * @description Subscribing the same browser again updates its keys and keeps its choices.
         */
        post: operations["subscribeToPush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active categories of this platform */
        get: operations["listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post an ask or an offer
         * @description Wording about money holds it for review (status "held", with holdReasons).
         */
        post: operations["createListing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/listings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A listing */
        get: operations["getListing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit my listing
         * @description Send the whole listing, with charter: true; only its author may.
         */
        patch: operations["updateListing"];
        trace?: never;
    };
    "/api/v1/listings/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close my listing */
        post: operations["closeListing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/listings/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew my listing for 30 days */
        post: operations["renewListing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/listings/{id}/fulfilled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark my listing as fulfilled */
        post: operations["markListingFulfilled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My listings, newest first */
        get: operations["listMyListings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/listings/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search published listings and volunteer missions
         * @description Open to everyone. Words are matched in French (accents and case ignored, stemming, close spellings). kind=mission searches the volunteer missions of verified organisations instead (in `missions`). Example: `?words=ordinateur&categories=digital-help&commune=14366&radiusKm=10&sort=distance`.
         */
        get: operations["searchListings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/saved-searches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My saved searches (alerts)
         * @description With a token, it needs the profile:read scope.
         */
        get: operations["listMySavedSearches"];
        put?: never;
        /**
         * Save a search and be alerted of new listings
         * @description « Prévenez-moi des nouvelles demandes d’aide informatique à moins de 10 km de Lisieux ». With a token, it needs the profile:write scope.
         */
        post: operations["createSavedSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/saved-searches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of my saved searches */
        delete: operations["deleteSavedSearch"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/listings/{id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Respond to a listing (« Je peux aider » / « Ça m’intéresse »)
         * @description Needs a verified email and the « listings:write » scope. One response per person and listing; not to one’s own listing.
         */
        post: operations["respondToListing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My matches, as author and as responder, newest activity first */
        get: operations["listMyMatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of my matches
         * @description `contacts` appears only once the match is accepted. Anyone but its two parties gets 404.
         */
        get: operations["getMatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a response to my listing */
        post: operations["acceptMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a response to my listing */
        post: operations["declineMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw my response while it is pending */
        post: operations["withdrawMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an accepted match (a reason is required) */
        post: operations["cancelMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Say the help was given (from the author, this confirms it) */
        post: operations["markMatchDone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the help was given, with optional thanks (author only) */
        post: operations["confirmMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The conversation of a match
         * @description Only the two parties read it; anyone else gets 404. Marks the other party’s messages as seen. Scope « listings:read ».
         */
        get: operations["getConversation"];
        put?: never;
        /**
         * Write in the conversation of a match
         * @description While the match is pending, accepted or done. Refused (403) when either party blocked the other, 409 once the match ended; nothing is stored then. At most 60 messages an hour. The recipient is emailed at most once per conversation every 15 minutes. Scope « listings:write ».
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Block the other party of a match
         * @description They can no longer write to the caller, in any conversation, nor respond to the caller’s listings. The caller still reads. Scope « listings:write ».
         */
        post: operations["blockMatchParty"];
        /**
         * Unblock the other party of a match
         * @description They may write and respond again. Scope « listings:write ».
         */
        delete: operations["unblockMatchParty"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications, newest first, with the unread count
         * @description With a token, it needs the listings:read scope.
         */
        get: operations["listMyNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of my notifications read
         * @description With a token, it needs the listings:read scope. Another person’s notification is not found (404).
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all my notifications read
         * @description With a token, it needs the listings:read scope.
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a listing, a message, a profile or an organisation
         * @description A listing the caller can read, a message of one of their conversations, an account or a verified organisation of this platform; anything else is 404. In danger, call 17 or 112 first: reports are not read at once.
         */
        post: operations["createReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verified organisations of the territory */
        get: operations["listOrganisations"];
        put?: never;
        /**
         * Create an organisation; the caller becomes its first manager
         * @description It starts « pending » until staff (or a partner) verify it.
         */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation
         * @description Verified ones for anyone; the others for their members and staff only (404 otherwise).
         */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an organisation I manage
         * @description Send the whole organisation; only its managers may (404 otherwise).
         */
        patch: operations["updateOrganisation"];
        trace?: never;
    };
    "/api/v1/me/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisations I belong to, with my role */
        get: operations["listMyOrganisations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of an organisation I belong to */
        get: operations["listOrganisationMembers"];
        put?: never;
        /**
         * Invite someone by email (managers only)
         * @description The person receives a link valid 14 days; they join once they accept it.
         */
        post: operations["inviteOrganisationMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/members/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (managers), or leave (my own account id)
         * @description An organisation always keeps one manager (409).
         */
        delete: operations["removeOrganisationMember"];
        options?: never;
        head?: never;
        /**
         * Change a member’s role (managers only)
         * @description The last manager cannot be demoted (409).
         */
        patch: operations["changeOrganisationMemberRole"];
        trace?: never;
    };
    "/api/v1/missions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A mission with its slots and the places left */
        get: operations["getMission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/missions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a mission for an organisation I manage
         * @description Give `slots` (one-off) or `weekly`. Wording about money holds it for review (status "held").
         */
        post: operations["createMission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/missions/{id}/signups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who signed up to a mission of my organisation (names only) */
        get: operations["listMissionSignups"];
        put?: never;
        /**
         * Sign up to one or several slots, all or nothing
         * @description When a slot is full no place is kept (409), and the detail names the full slots.
         */
        post: operations["signUpToMission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw my sign-up, until the mission’s deadline */
        delete: operations["withdrawSignup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/signups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My sign-ups, upcoming first */
        get: operations["listMySignups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/needs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A material need, its progress and drop-off points */
        get: operations["getNeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a need of an organisation I manage
         * @description Send the whole need; drop points are left as they are.
         */
        patch: operations["updateNeed"];
        trace?: never;
    };
    "/api/v1/organisations/{id}/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation’s needs
         * @description Open and met ones; held and closed ones too for its members.
         */
        get: operations["listOrganisationNeeds"];
        put?: never;
        /**
         * Post a material need of an organisation I manage
         * @description The organisation must be verified. Wording about money holds it for review (status "held").
         */
        post: operations["createNeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/needs/{id}/pledges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pledges to a need of my organisation */
        get: operations["listNeedPledges"];
        put?: never;
        /**
         * Pledge a quantity
         * @description Never more than remains, unless the organisation allows it.
         */
        post: operations["pledgeToNeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pledges/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel my pledge */
        delete: operations["cancelPledge"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pledges/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm what arrived of a pledge to my organisation */
        post: operations["confirmPledgeReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/pledges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My pledges, newest first */
        get: operations["listMyPledges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open supply campaigns of the territory */
        get: operations["listCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign with its collection and distribution points */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Made, distributed and requests open, per commune (no personal data) */
        get: operations["getCampaignProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/capacity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Declare or update my weekly capacity and the stock I hold
         * @description Give `organisationId` to speak for an association or workshop I manage.
         */
        put: operations["declareCapacity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a batch I handed over at a collection point
         * @description It stays "declared" until those who run the campaign confirm it on receipt.
         */
        post: operations["recordBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/campaign-participations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My participations as a maker, with their batches */
        get: operations["listMyCampaignParticipations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stock ledger, newest first (for those who run the campaign)
         * @description A page of 100 entries; `before` gives the entries older than that id.
         */
        get: operations["getCampaignLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A campaign’s requests and their allocations
         * @description For those who run the campaign: by priority, then the oldest first. A manager of the organisation the campaign is delegated to may use a token.
         */
        get: operations["listCampaignSupplyRequests"];
        put?: never;
        /**
         * Ask an open campaign for material
         * @description The priority is as asked; those who run the campaign may change it.
         */
        post: operations["createSupplyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/supply-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My requests for material, newest first, with where to collect */
        get: operations["listMySupplyRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/supply-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel my request while nothing is allocated to it */
        delete: operations["cancelSupplyRequest"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/producers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verified producers of the territory */
        get: operations["listProducers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/producers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A producer with its products and places
         * @description Verified producers for anyone; a pending one for its members and staff only (404 otherwise).
         */
        get: operations["getProducer"];
        /**
         * Replace the page of a producer I manage
         * @description Presentation, labels, products and places with their hours, all at once; photos are kept. Only its managers may (404 otherwise). Nothing is written when any part is refused.
         */
        put: operations["replaceProducer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The open items of the moderation queue, most serious first or newest first
         * @description For moderators and administrators, from their signed-in session with the second factor (a token never carries staff powers); POST needs the x-csrf-token header.
         */
        get: operations["listReviewItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One item with the person it concerns; a message’s text only through POST …/reading
         * @description For moderators and administrators, from their signed-in session with the second factor (a token never carries staff powers); POST needs the x-csrf-token header.
         */
        get: operations["getReviewItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/items/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the item for 15 minutes, or renew one’s own lease; 409 while another moderator holds it
         * @description For moderators and administrators, from their signed-in session with the second factor (a token never carries staff powers); POST needs the x-csrf-token header.
         */
        post: operations["claimReviewItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/items/{id}/reading": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A reported message and the three before and after it, once a reason is given (audited)
         * @description For moderators and administrators, from their signed-in session with the second factor (a token never carries staff powers); POST needs the x-csrf-token header. readingReason: one of report, safety, appeal, other.
         */
        post: operations["readReportedMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/items/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide the item, with the version read; 409 when it was decided or changed since
         * @description For moderators and administrators, from their signed-in session with the second factor (a token never carries staff powers); POST needs the x-csrf-token header. decision: one of publish, reject, change, hide, dismiss, warn, suspend, ban, verify, refuse; dismissal (dismiss): unfounded, already-handled, out-of-scope; days (suspend): 1, 3, 7 or 30.
         */
        post: operations["decideReviewItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The appeals waiting for a moderator, oldest first
         * @description For moderators of the territory, from their session with the second factor: a token never carries staff powers.
         */
        get: operations["listOpenAppeals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/appeals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift the sanction (granted) or keep it (upheld), with an answer sent to the person
         * @description A moderator other than the one who decided the sanction (403 otherwise), from their session with the second factor; an appeal already answered is 409.
         */
        post: operations["decideAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/asks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asks nobody answered */
        get: operations["listUnansweredAsks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/asks/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ranked volunteers for one ask */
        get: operations["suggestVolunteers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/asks/{id}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose one ask to volunteers */
        post: operations["proposeAsk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose for all: build a plan to review */
        post: operations["createDispatchPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bulk plan */
        get: operations["getDispatchPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/plans/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a plan’s kept pairs as proposals, once */
        post: operations["sendDispatchPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asks proposed to me */
        get: operations["listMyProposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/proposals/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** I can help: the first to accept gets the ask */
        post: operations["acceptProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/proposals/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** I cannot */
        post: operations["declineProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms/entrant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A reply to the platform’s SMS, brought by the SMS provider
         * @description For the SMS provider only, authenticated by the shared token in the x-sms-token header (SMS_INBOUND_TOKEN). A reply « STOP » (or « ARRET ») stops every SMS to that number on this territory.
         */
        post: operations["receiveSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            /** @example https://entraide.example/problemes/validation */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                pointer: string;
                detail: string;
            }[];
        };
        /** @description A personal access token, without its value */
        AccessToken: {
            /** Format: uuid */
            id: string;
            /** @example Téléphone de Zoé */
            name: string;
            /**
             * @example [
             *       "profile:read"
             *     ]
             */
            scopes: ("profile:read" | "profile:write" | "listings:read" | "listings:write" | "organisations:read" | "organisations:write" | "participation:write" | "campaigns:read" | "campaigns:write" | "calls:read" | "calls:write" | "dispatch:read" | "dispatch:write")[];
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
        };
        /** @description An ask or an offer, as the caller may see it; never an address, phone or email */
        Listing: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "ask" | "offer";
            /** @enum {string} */
            status: "held" | "published" | "fulfilled" | "closed" | "expired" | "removed";
            /** @example Courses pour ma voisine */
            title: string;
            /** @description plain text, line breaks kept */
            description: string;
            category: {
                id: string;
                name: string;
                guidance: string;
            };
            commune: {
                /** @example 14118 */
                insee: string;
                /** @example Caen */
                name: string;
            };
            distanceKm: number | null;
            when: {
                /** @enum {string} */
                kind: "date" | "period" | "recurring" | "flexible";
                start: string | null;
                end: string | null;
                recurrence: string | null;
            };
            urgency: ("today" | "week" | "no-rush") | null;
            capacity: string | null;
            onBehalf: {
                /** @example Marcel */
                name: string;
                relation: string;
            } | null;
            author: {
                displayName: string;
                /** @example 2026-03 */
                memberSince: string;
            };
            publishedAt: string | null;
            /** @description the caller wrote it */
            own: boolean;
            /** @description author only: why it awaits review */
            holdReasons?: string[];
            /**
             * Format: date-time
             * @description author only
             */
            expiresAt?: string;
            /** @description author only: edit, close, renew, fulfilled */
            actions?: string[];
        };
        ListingSearchResult: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "ask" | "offer";
            /** @example Aide pour installer un ordinateur */
            title: string;
            category: {
                /** @example digital-help */
                slug: string;
                /** @example Aide informatique */
                name: string;
            };
            commune: {
                /** @example 14366 */
                insee: string;
                /** @example Lisieux */
                name: string | null;
            };
            /**
             * @description from the centre, 0.1 km
             * @example 3.5
             */
            distanceKm: number | null;
            /** Format: date-time */
            publishedAt: string;
            urgency: ("today" | "week" | "no-rush") | null;
            author: {
                /** @example Zoé */
                displayName: string;
            };
            /** @description the commune’s centre, rounded: never an address */
            point: {
                /** @example 49.15 */
                latitude: number;
                /** @example 0.24 */
                longitude: number;
            };
        };
        MissionSearchResult: {
            /** Format: uuid */
            id: string;
            /** @example Distribution de colis alimentaires */
            title: string;
            organisation: {
                /** @example Les Restos du Cœur de Caen */
                name: string;
            };
            commune: {
                /** @example 14118 */
                insee: string;
                /** @example Caen */
                name: string | null;
            };
            /**
             * @description from the centre, 0.1 km
             * @example 2.5
             */
            distanceKm: number | null;
            /** @description the soonest slot to come with a place left */
            nextSlot: {
                /** Format: date-time */
                startsAt: string;
                /** @example 2 */
                placesLeft: number;
            };
            /** Format: date-time */
            publishedAt: string;
        };
        SavedSearch: {
            /** Format: uuid */
            id: string;
            kind: ("ask" | "offer" | "mission") | null;
            /**
             * @example [
             *       "digital-help"
             *     ]
             */
            categories: string[];
            /** @example ordinateur */
            words: string | null;
            /**
             * @example {
             *       "insee": "14366",
             *       "name": "Lisieux"
             *     }
             */
            commune: {
                insee: string;
                name: string;
            } | null;
            /** @example 10 */
            radiusKm: number | null;
            urgency: ("today" | "week" | "no-rush") | null;
            /** @enum {string} */
            frequency: "immediate" | "daily";
            /** Format: date-time */
            createdAt: string;
            /**
             * @description the search page of its listings
             * @example /annonces?commune=Lisieux+%2814100%29
             */
            href: string;
        };
        /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
        Match: {
            /** Format: uuid */
            id: string;
            listing: {
                /** Format: uuid */
                id: string;
                /** @example Courses pour ma voisine */
                title: string;
                /** @enum {string} */
                kind: "ask" | "offer";
                /** @enum {string} */
                status: "held" | "published" | "fulfilled" | "closed" | "expired" | "removed";
            };
            /**
             * @description the caller’s side
             * @enum {string}
             */
            role: "author" | "responder";
            /**
             * @example accepted
             * @enum {string}
             */
            status: "pending" | "accepted" | "declined" | "withdrawn" | "cancelled" | "done";
            otherParty: {
                /** Format: uuid */
                id: string;
                /** @example Marie D. */
                displayName: string;
            };
            response: {
                /** @example Bonjour, je passe à Caen le samedi, je peux porter vos courses. */
                message: string;
                /** Format: date-time */
                createdAt: string;
            } | null;
            /**
             * @description what the caller shows the other party once accepted
             * @example [
             *       "email"
             *     ]
             */
            myShares: ("phone" | "email")[];
            reason: string | null;
            endedBy: ("me" | "other") | null;
            doneMarkedBy: ("me" | "other") | null;
            doneMarkedAt: string | null;
            thanks: {
                text: string;
                public: boolean;
            } | null;
            /** Format: date-time */
            createdAt: string;
            acceptedAt: string | null;
            endedAt: string | null;
            /** Format: date-time */
            lastActivityAt: string;
            /**
             * @description what the caller may do now; markDone is POST …/done
             * @example [
             *       "accept",
             *       "decline"
             *     ]
             */
            actions: ("accept" | "decline" | "withdraw" | "cancel" | "markDone" | "confirm")[];
            /** @description Only once the match is accepted (and after the help was given): what the other party chose to share. Absent otherwise. */
            contacts?: {
                /** @example +33612345678 */
                phone?: string;
                /**
                 * Format: email
                 * @example marie@exemple.fr
                 */
                email?: string;
            };
        };
        MatchSummary: {
            /** Format: uuid */
            id: string;
            listing: {
                /** Format: uuid */
                id: string;
                title: string;
                /** @enum {string} */
                kind: "ask" | "offer";
            };
            /** @enum {string} */
            role: "author" | "responder";
            /** @enum {string} */
            status: "pending" | "accepted" | "declined" | "withdrawn" | "cancelled" | "done";
            otherParty: {
                /** Format: uuid */
                id: string;
                /** @example Marie D. */
                displayName: string;
            };
            /** Format: date-time */
            lastActivityAt: string;
            /**
             * @description messages from the other party not yet seen
             * @example 2
             */
            unread: number;
        };
        /** @description One message of a match’s conversation */
        ConversationMessage: {
            /** Format: uuid */
            id: string;
            /** @description the caller wrote it */
            mine: boolean;
            sender: {
                /** @example Marie D. */
                displayName: string;
            };
            /**
             * @description plain text as typed, line breaks kept; show it as text, never as HTML
             * @example Bonjour, je peux passer samedi vers 10 h. Cela vous convient ?
             */
            body: string;
            /**
             * Format: date-time
             * @example 2026-03-16T09:30:00.000Z
             */
            createdAt: string;
            /** @description the recipient has opened the conversation since (« vu ») */
            seen: boolean;
        };
        /** @description The conversation of a match, between its two parties only. Reading it marks the other party’s messages as seen. */
        Conversation: {
            /** Format: uuid */
            matchId: string;
            otherParty: {
                /** @example Marie D. */
                displayName: string;
            };
            /** @description false once the match ended, after a block, or unverified */
            canWrite: boolean;
            /** @description why canWrite is false; blockedByMe: the caller blocked the other party */
            closed: ("declined" | "withdrawn" | "cancelled" | "blocked" | "blockedByMe" | "unverified") | null;
            blockedByMe: boolean;
            /** @description older messages exist beyond those returned */
            truncated: boolean;
            /** @description oldest first */
            messages: components["schemas"]["ConversationMessage"][];
        };
        /** @description Something that happened for the caller on the platform */
        Notification: {
            /** Format: uuid */
            id: string;
            /**
             * @description one of match.response, match.accepted, match.declined, match.withdrawn, match.cancelled, match.doneMarked, match.confirmed, match.thanked, match.inactive, match.listingEnded, listing.noResponse, supply.allocated, supply.refused, dispatch.proposed, dispatch.taken; newer kinds may appear
             * @example match.response
             */
            kind: string;
            /**
             * @description the sentence in the caller’s language; plain text, to be escaped where shown
             * @example Zoé a répondu à votre annonce « Courses pour ma voisine »
             */
            text: string;
            /**
             * @description the words inside the sentence, as typed by people (plain text)
             * @example {
             *       "name": "Zoé",
             *       "title": "Courses pour ma voisine"
             *     }
             */
            params: {
                [key: string]: string;
            };
            /**
             * @description a path of this platform the notification leads to
             * @example /mises-en-relation/0b6c1a52-7f0e-4c8e-9d1e-3c1f5a2b9e44
             */
            link: string | null;
            /** Format: date-time */
            createdAt: string;
            read: boolean;
        };
        NotificationList: {
            /** @description newest first, 20 at most */
            items: components["schemas"]["Notification"][];
            /** @description pass as ?cursor= for the older page; null at the end */
            next: string | null;
            /**
             * @description unread ones in all, counted up to 100
             * @example 3
             */
            unreadCount: number;
        };
        ReportReceipt: {
            /**
             * @description already-reported: this caller reported the same thing before; nothing new was stored
             * @enum {string}
             */
            status: "received" | "already-reported";
        };
        /** @description An organisation of the territory, as the caller may see it */
        Organisation: {
            /** Format: uuid */
            id: string;
            /** @example Banque alimentaire du Bessin */
            name: string;
            /** @enum {string} */
            kind: "association" | "aid-structure" | "producer" | "workshop" | "commune" | "partner";
            aidType: ("ccas" | "food-bank" | "ehpad" | "shelter" | "school" | "other") | null;
            siret: string | null;
            rna: string | null;
            commune: {
                /** @example 14047 */
                insee: string;
                /** @example Bayeux */
                name: string;
            };
            description: string;
            contact: {
                /** @enum {string} */
                kind: "email" | "phone" | "website";
                value: string;
            };
            /** @enum {string} */
            status: "pending" | "verified" | "refused" | "suspended";
            verifiedAt: string | null;
            logo: string | null;
        };
        OrganisationMembership: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "association" | "aid-structure" | "producer" | "workshop" | "commune" | "partner";
            /** @enum {string} */
            status: "pending" | "verified" | "refused" | "suspended";
            /** @enum {string} */
            role: "manager" | "member";
            /** @enum {string} */
            signupNotices: "each" | "daily" | "none";
        };
        OrganisationMember: {
            /** Format: uuid */
            accountId: string;
            displayName: string;
            /** @enum {string} */
            role: "manager" | "member";
        };
        /** @description A mission for volunteers, with its slots and the places left */
        Mission: {
            /** Format: uuid */
            id: string;
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @enum {string} */
            status: "held" | "published" | "closed" | "removed";
            /** @example Distribution de colis alimentaires */
            title: string;
            /** @description plain text, line breaks kept */
            description: string;
            /** Format: uuid */
            categoryId: string;
            /** @example 14118 */
            communeInsee: string;
            address: string | null;
            needsVerifiedVolunteer: boolean;
            withdrawHoursBefore: number;
            slots: {
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                startsAt: string;
                /** Format: date-time */
                endsAt: string;
                places: number;
                /** @description 0 when full or cancelled */
                placesLeft: number;
                cancelled: boolean;
            }[];
        };
        /** @description A sign-up to one slot; never a contact detail */
        MissionSignup: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            missionId: string;
            /** Format: uuid */
            slotId: string;
            /** @enum {string} */
            status: "signed-up" | "withdrawn" | "attended" | "absent";
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @description organisation side only: the volunteer’s name */
            displayName?: string;
        };
        /** @description A material need of an organisation, with its progress and drop-off points */
        Need: {
            /** Format: uuid */
            id: string;
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @example Repas pour la distribution du samedi */
            title: string;
            /** @description plain text, line breaks kept */
            description: string;
            /** @example 100 */
            quantity: number;
            /** @example repas */
            unit: string;
            category: {
                id: string;
                name: string;
            } | null;
            deadline: string | null;
            /** @description pledges may exceed what remains */
            allowOverPledge: boolean;
            /** @enum {string} */
            status: "held" | "open" | "met" | "closed" | "removed";
            /** @description pledged counts live pledges, received ones included */
            progress: {
                received: number;
                pledged: number;
                quantity: number;
                remaining: number;
            };
            dropPoints: {
                /** Format: uuid */
                id: string;
                name: string;
                commune: {
                    insee: string;
                    name: string;
                };
                address: string;
                /** @example du lundi au vendredi, 9 h – 12 h */
                hours: string;
            }[];
            /** @description the organisation’s people only */
            holdReasons?: string[];
        };
        /** @description A quantity promised to a need */
        Pledge: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            needId: string;
            quantity: number;
            receivedQuantity: number | null;
            /** @enum {string} */
            status: "pledged" | "received" | "cancelled";
            dropPointId: string | null;
            organisationId: string | null;
            /** Format: date-time */
            createdAt: string;
            receivedAt: string | null;
            cancelledAt: string | null;
            /** @description the organisation’s list only: who pledged */
            person?: string;
            onBehalf?: string | null;
        };
        /** @description A supply campaign, with its points when read alone */
        SupplyCampaign: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            item: "masks" | "visors" | "gowns" | "bags" | "school-kits" | "other";
            /** @enum {string} */
            status: "draft" | "open" | "closed";
            /** @example Masques en tissu pour les aidants */
            title: string;
            /** @description plain text, line breaks kept */
            specification: string;
            targetQuantity: number;
            /** @example masques */
            unit: string;
            /**
             * Format: date
             * @example 2026-04-02
             */
            startsOn: string;
            /**
             * Format: date
             * @example 2026-04-02
             */
            endsOn: string;
            /** @description what confirmed batches brought so far */
            made: number;
            attachmentUrl: string | null;
            points?: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                role: "collection" | "distribution" | "both";
                commune: {
                    /** @example 14047 */
                    insee: string;
                    name: string;
                };
                address: string;
                hours: string;
            }[];
        };
        /** @description Made, distributed and requests open, per commune; counts only */
        SupplyProgress: {
            made: number;
            distributed: number;
            openRequests: number;
            communes: {
                insee: string;
                name: string;
                made: number;
                distributed: number;
                openRequests: number;
            }[];
        };
        /** @description A batch a maker handed over at a collection point */
        SupplyBatch: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            campaignId: string;
            /** Format: uuid */
            makerId: string;
            /** Format: uuid */
            pointId: string;
            quantity: number;
            /** @enum {string} */
            status: "declared" | "confirmed" | "refused";
            receivedQuantity: number | null;
            refusalReason: string | null;
            /**
             * Format: date
             * @example 2026-04-02
             */
            handedOn: string;
        };
        /** @description One’s participation as a maker in a campaign */
        SupplyMaker: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            kind: "person" | "association" | "workshop";
            organisationId: string | null;
            weeklyCapacity: number;
            stockHeld: number;
            batches?: components["schemas"]["SupplyBatch"][];
        };
        /** @description One movement of the stock ledger; never edited, never deleted */
        SupplyLedgerEntry: {
            id: number;
            /** Format: uuid */
            pointId: string;
            /** @enum {string} */
            movement: "received" | "allocated" | "released" | "handed-out" | "lost" | "correction";
            onHandDelta: number;
            reservedDelta: number;
            batchId: string | null;
            allocationId: string | null;
            correctsId: number | null;
            reason: string;
            /** @description the name of who recorded it */
            recordedBy: string;
            /** Format: date-time */
            recordedAt: string;
        };
        /** @description Units of a request to collect at a point */
        SupplyRequestAllocation: {
            /** Format: uuid */
            id: string;
            quantity: number;
            /** @enum {string} */
            status: "proposed" | "confirmed" | "collected" | "cancelled";
            collectFrom: string | null;
            point: {
                /** Format: uuid */
                id: string;
                name: string;
                communeInsee: string;
                address: string;
                /** @example mardi et jeudi, 14 h – 18 h */
                hours: string;
            };
        };
        /** @description A request for material of a supply campaign, with its allocations */
        SupplyRequest: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            requesterKind: "person" | "aid-structure" | "ehpad" | "school" | "pharmacy" | "other";
            organisationId: string | null;
            quantity: number;
            /** @enum {string} */
            requestedPriority: "front-line" | "vulnerable" | "general";
            /** @enum {string} */
            priority: "front-line" | "vulnerable" | "general";
            preferredPointId: string | null;
            communeInsee: string;
            /** @enum {string} */
            status: "open" | "allocated" | "collected" | "cancelled" | "refused";
            allocated: number;
            collected: number;
            /** Format: date-time */
            createdAt: string;
            /** @description the requester and those who run the campaign only */
            note?: string;
            allocations: components["schemas"]["SupplyRequestAllocation"][];
        };
        /** @description A verified producer as the directory lists it */
        ProducerSummary: {
            /** Format: uuid */
            id: string;
            /** @example Ferme du Pré Vert */
            name: string;
            commune: {
                /** @example 14047 */
                insee: string;
                /** @example Bayeux */
                name: string;
            } | null;
            families: ("fruits" | "legumes" | "viande" | "laitages" | "oeufs" | "miel" | "pain" | "boissons" | "transformes")[];
            labels: ("ab" | "label-rouge" | "aop" | "igp" | "hve" | "bienvenue-ferme")[];
            salesModes: ("farm-shop" | "market" | "basket" | "delivery" | "drive")[];
            distanceKm: number | null;
            openTodayUntil: string | null;
            point: {
                latitude: number;
                longitude: number;
            } | null;
        };
        /** @description A producer’s page: products, places with hours, contact; no prices */
        Producer: {
            /** Format: uuid */
            id: string;
            name: string;
            verified: boolean;
            commune: {
                /** @example 14047 */
                insee: string;
                /** @example Bayeux */
                name: string;
            };
            presentation: string;
            labels: ("ab" | "label-rouge" | "aop" | "igp" | "hve" | "bienvenue-ferme")[];
            families: ("fruits" | "legumes" | "viande" | "laitages" | "oeufs" | "miel" | "pain" | "boissons" | "transformes")[];
            contact: {
                /** @enum {string} */
                kind: "email" | "phone" | "website";
                value: string;
            };
            products: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                family: "fruits" | "legumes" | "viande" | "laitages" | "oeufs" | "miel" | "pain" | "boissons" | "transformes";
                name: string;
                description: string;
                months: number[];
                labels: ("ab" | "label-rouge" | "aop" | "igp" | "hve" | "bienvenue-ferme")[];
            }[];
            places: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                mode: "farm-shop" | "market" | "basket" | "delivery" | "drive";
                name: string;
                commune: {
                    /** @example 14047 */
                    insee: string;
                    /** @example Bayeux */
                    name: string;
                };
                address: string;
                details: string;
                radiusKm: number | null;
                hours: {
                    /** @description 1 = Monday … 7 = Sunday */
                    weekday: number;
                    /**
                     * @description Paris time
                     * @example 09:00
                     */
                    opens: string;
                    /** @example 18:00 */
                    closes: string;
                }[];
            }[];
            photos: {
                url: string;
                alt: string;
                width: number;
                height: number;
            }[];
        };
        /** @description An item of the territory’s moderation queue */
        ReviewItem: {
            /** Format: uuid */
            id: string;
            /** @description one of listing, mission, need, message, account, organisation, appeal */
            subjectKind: string;
            /** Format: uuid */
            subjectId: string;
            /** @description one of money-wording, review-policy, report, repeated-reports, verification, appeal */
            cause: string;
            priority: number;
            reportCount: number;
            /** @description a listing’s title or an organisation’s name; never a message’s text */
            label: string;
            /** @description codes: the free-help rule’s reasons, the reports’ reasons */
            details: string[];
            /** @description open, decided or withdrawn */
            status: string;
            /** @description send it back with a decision; a decision on another version is refused (409) */
            version: number;
            /** @description the moderator holding it now, by name */
            heldBy: string | null;
            decision: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ReviewItemDetail: {
            item: components["schemas"]["ReviewItem"];
            /** @description what the caller may decide now */
            decisions: string[];
            person: {
                displayName: string;
                commune: string;
                /** Format: date-time */
                memberSince: string;
                openListings: number;
                sanctions: {
                    kind: string;
                    reason: string;
                    /** Format: date-time */
                    decidedAt: string;
                }[];
            } | null;
        };
        OpenAppeal: {
            /** Format: uuid */
            id: string;
            person: {
                /** Format: uuid */
                id: string;
                displayName: string;
            };
            /** @description the person’s own words, as typed */
            statement: string;
            /** Format: date-time */
            filedAt: string;
            sanction: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "reject" | "change" | "hide" | "warn" | "suspend" | "ban";
                /** @enum {string} */
                reason: "commerce" | "money-request" | "scam" | "abuse" | "harassment" | "danger" | "personal-data" | "off-topic" | "impersonation" | "other";
                explanation: string;
                /** Format: date-time */
                decidedAt: string;
                endsAt: string | null;
                decidedBy: string | null;
                itemId: string | null;
            };
        };
        AppealDecided: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "granted" | "upheld";
        };
        UnansweredAsk: {
            /** Format: uuid */
            listingId: string;
            title: string;
            /** Format: uuid */
            categoryId: string;
            categoryName: string;
            communeInsee: string;
            communeName: string;
            /** @description posted by the phone line: listed at once */
            relayed: boolean;
            urgent: boolean;
            ageHours: number;
            /** @description proposals waiting for an answer */
            inFlight: number;
        };
        /** @description a volunteer for an ask: names and communes only, never a contact */
        DispatchSuggestion: {
            /** Format: uuid */
            volunteerId: string;
            displayName: string;
            communeName: string;
            distanceKm: number;
            score: number;
            parts: {
                criterion: string;
                points: number;
                value?: string;
            }[];
            /** @description why it ranks there, in words */
            why: string[];
            alreadyProposed: boolean;
        };
        /** @description an ask proposed to me; never who else received it */
        MyProposal: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            listingId: string;
            title: string;
            /** @description pending, accepted, declined, expired, taken or withdrawn */
            status: string;
            /** Format: date-time */
            expiresAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status: string;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        /**
                         * @example pglite
                         * @example postgres
                         */
                        database: string;
                    };
                };
            };
            /** @description The service cannot answer now (database unavailable). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchCommunes: {
        parameters: {
            query?: {
                q?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        communes: {
                            /**
                             * @description code INSEE de la commune
                             * @example 14118
                             */
                            insee: string;
                            /** @example Caen */
                            name: string;
                            /**
                             * @description ce que le champ commune affiche et relit ; trouvée par le nom d’une ancienne commune, elle le dit
                             * @example Caen (14000)
                             * @example Condé-en-Normandie (14110) — ancienne commune de Condé-sur-Noireau
                             */
                            label: string;
                            /**
                             * @description l’ancienne commune (fusionnée, déléguée ou associée) dont le nom saisi a fait trouver celle-ci
                             * @example Condé-sur-Noireau
                             */
                            formerName?: string;
                            /**
                             * @example [
                             *       "14000"
                             *     ]
                             */
                            postalCodes: string[];
                            /** @example 14 */
                            departement: string;
                            /** @example 109400 */
                            population: number;
                            /**
                             * @description centroïde, degrés WGS 84
                             * @example 49.1848
                             */
                            latitude: number;
                            /** @example -0.3698 */
                            longitude: number;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommune: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 14118 */
                insee: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Une commune du territoire de la plateforme */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description code INSEE de la commune
                         * @example 14118
                         */
                        insee: string;
                        /** @example Caen */
                        name: string;
                        /**
                         * @description ce que le champ commune affiche et relit ; trouvée par le nom d’une ancienne commune, elle le dit
                         * @example Caen (14000)
                         * @example Condé-en-Normandie (14110) — ancienne commune de Condé-sur-Noireau
                         */
                        label: string;
                        /**
                         * @description l’ancienne commune (fusionnée, déléguée ou associée) dont le nom saisi a fait trouver celle-ci
                         * @example Condé-sur-Noireau
                         */
                        formerName?: string;
                        /**
                         * @example [
                         *       "14000"
                         *     ]
                         */
                        postalCodes: string[];
                        /** @example 14 */
                        departement: string;
                        /** @example 109400 */
                        population: number;
                        /**
                         * @description centroïde, degrés WGS 84
                         * @example 49.1848
                         */
                        latitude: number;
                        /** @example -0.3698 */
                        longitude: number;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommuneDistance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 14118 */
                a: string;
                /** @example 14366 */
                b: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 44.6 */
                        km: number;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTerritory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The platform that answers at this host name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example calvados */
                        slug: string;
                        /** @example Entraide Calvados */
                        platformName: string;
                        /** @example Département du Calvados */
                        officialName: string;
                        /**
                         * @example [
                         *       "14"
                         *     ]
                         */
                        departements: string[];
                        presentation: string;
                        /** @example #1f4e8c */
                        primaryColor: string;
                        logoUrl: string | null;
                        /** @example entraide@calvados.fr */
                        contactEmail: string;
                        crisisMode: boolean;
                        /** @description The territory’s phone line for people without internet, in E.164 */
                        helplinePhone: string | null;
                        /** @description When the line answers, in the reader’s language */
                        helplineHours: string | null;
                    };
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHelpPoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description ccas, france-services, mairie, association or other */
                        kind: "ccas" | "france-services" | "mairie" | "association" | "other";
                        /** @example CCAS de Bayeux */
                        name: string;
                        /** @example 19 rue Larcher */
                        address: string;
                        commune: {
                            /** @example 14047 */
                            insee: string;
                            /** @example Bayeux */
                            name: string;
                        };
                        /** @example du lundi au vendredi, de 9 h à 12 h */
                        hours: string;
                        /** @description E.164 */
                        phone: string | null;
                    }[];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s own profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @example Zoé N’Diaye */
                        displayName: string;
                        /** @example zoe@exemple.fr */
                        email: string;
                        emailVerified: boolean;
                        commune: {
                            /** @example 14118 */
                            insee: string;
                            /** @example Caen */
                            name: string | null;
                            /** @example 14000 */
                            postalCode: string | null;
                        };
                        /**
                         * @description E.164; shown to nobody else
                         * @example +33612345678
                         */
                        phone: string | null;
                        /**
                         * @description slugs of the territory’s active categories (GET /api/v1/categories) the person follows
                         * @example [
                         *       "groceries-medicines",
                         *       "gardening"
                         *     ]
                         */
                        interests: string[];
                        /**
                         * @example 10
                         * @enum {integer}
                         */
                        radiusKm: 5 | 10 | 20 | 50;
                        notifications: {
                            /**
                             * @description immediate: straight away; daily: one digest a day; none: never
                             * @enum {string}
                             */
                            matches: "immediate" | "daily" | "none";
                            /**
                             * @description immediate: straight away; daily: one digest a day; none: never
                             * @enum {string}
                             */
                            messages: "immediate" | "daily" | "none";
                            /**
                             * @description immediate: straight away; daily: one digest a day; none: never
                             * @enum {string}
                             */
                            savedSearches: "immediate" | "daily" | "none";
                        };
                        /** @enum {string} */
                        locale: "fr" | "en";
                        /** @description larger text and a simpler layout on the web pages */
                        easyRead: boolean;
                        /**
                         * @description half-days the person is usually free, for coordinators’ proposals
                         * @example [
                         *       "tue-am",
                         *       "sat-pm"
                         *     ]
                         */
                        availability: ("mon-am" | "mon-pm" | "tue-am" | "tue-pm" | "wed-am" | "wed-pm" | "thu-am" | "thu-pm" | "fri-am" | "fri-pm" | "sat-am" | "sat-pm" | "sun-am" | "sun-pm")[];
                        /**
                         * @example [
                         *       "fr",
                         *       "ar"
                         *     ]
                         */
                        languages: ("fr" | "en" | "ar" | "es" | "pt" | "de" | "it" | "tr" | "ro" | "uk" | "ru" | "wo" | "other")[];
                        /** @description coordinators may propose asks nobody answered to this person */
                        acceptsProposals: boolean;
                        /** @description notices sent straight away also go by SMS to the mobile number (an opt-in; a reply STOP ends it) */
                        sms: boolean;
                        /**
                         * @description month of sign-up, Europe/Paris
                         * @example 2026-11
                         */
                        memberSince: string;
                    };
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example Jean-Éric */
                    displayName?: string;
                    /**
                     * @description from /api/v1/communes
                     * @example 14047
                     */
                    communeInsee?: string;
                    /**
                     * @description French or international (+…) format; null or "" removes it
                     * @example 06 12 34 56 78
                     */
                    phone?: string | null;
                    /** @description slugs of the territory’s active categories (GET /api/v1/categories) */
                    interests?: string[];
                    /** @description one of 5, 10, 20, 50 */
                    radiusKm?: number;
                    /** @description immediate, daily or none for each type */
                    notifications?: {
                        matches?: string;
                        messages?: string;
                        savedSearches?: string;
                    };
                    /** @example en */
                    locale?: string;
                    easyRead?: boolean;
                    /** @description any of: mon-am, mon-pm, tue-am, tue-pm, wed-am, wed-pm, thu-am, thu-pm, fri-am, fri-pm, sat-am, sat-pm, sun-am, sun-pm */
                    availability?: string[];
                    /** @description any of: fr, en, ar, es, pt, de, it, tr, ro, uk, ru, wo, other */
                    languages?: string[];
                    acceptsProposals?: boolean;
                    /** @description true opts in to notices by SMS: needs a mobile number (06, 07) */
                    sms?: boolean;
                };
            };
        };
        responses: {
            /** @description The caller’s own profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @example Zoé N’Diaye */
                        displayName: string;
                        /** @example zoe@exemple.fr */
                        email: string;
                        emailVerified: boolean;
                        commune: {
                            /** @example 14118 */
                            insee: string;
                            /** @example Caen */
                            name: string | null;
                            /** @example 14000 */
                            postalCode: string | null;
                        };
                        /**
                         * @description E.164; shown to nobody else
                         * @example +33612345678
                         */
                        phone: string | null;
                        /**
                         * @description slugs of the territory’s active categories (GET /api/v1/categories) the person follows
                         * @example [
                         *       "groceries-medicines",
                         *       "gardening"
                         *     ]
                         */
                        interests: string[];
                        /**
                         * @example 10
                         * @enum {integer}
                         */
                        radiusKm: 5 | 10 | 20 | 50;
                        notifications: {
                            /**
                             * @description immediate: straight away; daily: one digest a day; none: never
                             * @enum {string}
                             */
                            matches: "immediate" | "daily" | "none";
                            /**
                             * @description immediate: straight away; daily: one digest a day; none: never
                             * @enum {string}
                             */
                            messages: "immediate" | "daily" | "none";
                            /**
                             * @description immediate: straight away; daily: one digest a day; none: never
                             * @enum {string}
                             */
                            savedSearches: "immediate" | "daily" | "none";
                        };
                        /** @enum {string} */
                        locale: "fr" | "en";
                        /** @description larger text and a simpler layout on the web pages */
                        easyRead: boolean;
                        /**
                         * @description half-days the person is usually free, for coordinators’ proposals
                         * @example [
                         *       "tue-am",
                         *       "sat-pm"
                         *     ]
                         */
                        availability: ("mon-am" | "mon-pm" | "tue-am" | "tue-pm" | "wed-am" | "wed-pm" | "thu-am" | "thu-pm" | "fri-am" | "fri-pm" | "sat-am" | "sat-pm" | "sun-am" | "sun-pm")[];
                        /**
                         * @example [
                         *       "fr",
                         *       "ar"
                         *     ]
                         */
                        languages: ("fr" | "en" | "ar" | "es" | "pt" | "de" | "it" | "tr" | "ro" | "uk" | "ru" | "wo" | "other")[];
                        /** @description coordinators may propose asks nobody answered to this person */
                        acceptsProposals: boolean;
                        /** @description notices sent straight away also go by SMS to the mobile number (an opt-in; a reply STOP ends it) */
                        sms: boolean;
                        /**
                         * @description month of sign-up, Europe/Paris
                         * @example 2026-11
                         */
                        memberSince: string;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What anyone may see of a member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @example Zoé */
                        displayName: string;
                        /** @example Bayeux */
                        commune: string | null;
                        /** @example 2026-11 */
                        memberSince: string;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example Téléphone de Zoé */
                    name: string;
                    /**
                     * @example [
                     *       "profile:read"
                     *     ]
                     */
                    scopes: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description the value to send as « Authorization: Bearer … »; returned this once only
                         * @example ent_…
                         */
                        token: string;
                        accessToken: components["schemas"]["AccessToken"];
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    subscribeToPush: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example https://fcm.googleapis.com/fcm/send/… */
                    endpoint: string;
                    expirationTime?: number | null;
                    keys: {
                        /** @description the browser’s P-256 public key, base64url */
                        p256dh: string;
                        /** @description the browser’s 16-byte authentication secret, base64url */
                        auth: string;
                    };
                    /** @description matches, messages, savedSearches; matches and messages when absent */
                    types?: string[];
                };
            };
        };
        responses: {
            /** @description A browser that receives Web Push notifications */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @example Chrome / Android */
                        device: string | null;
                        /**
                         * @example [
                         *       "matches",
                         *       "messages"
                         *     ]
                         */
                        types: string[];
                        /** Format: date-time */
                        createdAt: string;
                        lastSuccessAt: string | null;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @example groceries-medicines */
                        slug: string;
                        /** @example Courses de première nécessité et médicaments */
                        name: string;
                        /** @example Faire les courses ou aller chercher des médicaments pour une personne qui ne peut pas sortir. */
                        description: string;
                        /**
                         * @description Safety guidance to show on every listing of the category
                         * @example Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.
                         */
                        guidance: string;
                        /**
                         * @description One of: heart, basket, phone, home, mask, computer, book, child, paw, lightbulb, tools, box, car, leaf
                         * @example basket
                         */
                        icon: string;
                        /** @description A crisis category, highlighted in crisis mode */
                        crisis: boolean;
                        /** @description Only volunteers verified by staff may respond */
                        needsVerifiedVolunteer: boolean;
                    }[];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createListing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description ignored when editing
                     * @enum {string}
                     */
                    kind?: "ask" | "offer";
                    /** @description from /api/v1/categories */
                    categoryId?: string;
                    /**
                     * @description at most 120 characters
                     * @example Courses du samedi
                     */
                    title?: string;
                    /** @description at most 4000 characters */
                    description?: string;
                    /** @example 14118 */
                    communeInsee?: string;
                    /** @enum {string} */
                    whenKind?: "date" | "period" | "recurring" | "flexible";
                    /** @example 2026-04-02 */
                    whenStart?: string;
                    whenEnd?: string;
                    /** @example tous les mardis */
                    recurrence?: string;
                    /**
                     * @description asks only
                     * @enum {string}
                     */
                    urgency?: "today" | "week" | "no-rush";
                    /**
                     * @description offers only
                     * @example 2 personnes par semaine
                     */
                    capacity?: string;
                    onBehalf?: {
                        /** @example Marcel */
                        name: string;
                        /** @example mon voisin */
                        relation: string;
                        /** @description the person agrees to the post */
                        consent: boolean;
                    };
                    /** @description the charter of free mutual aid, accepted on every post */
                    charter?: boolean;
                };
            };
        };
        responses: {
            /** @description An ask or an offer, as the caller may see it; never an address, phone or email */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An ask or an offer, as the caller may see it; never an address, phone or email */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description ignored when editing
                     * @enum {string}
                     */
                    kind?: "ask" | "offer";
                    /** @description from /api/v1/categories */
                    categoryId?: string;
                    /**
                     * @description at most 120 characters
                     * @example Courses du samedi
                     */
                    title?: string;
                    /** @description at most 4000 characters */
                    description?: string;
                    /** @example 14118 */
                    communeInsee?: string;
                    /** @enum {string} */
                    whenKind?: "date" | "period" | "recurring" | "flexible";
                    /** @example 2026-04-02 */
                    whenStart?: string;
                    whenEnd?: string;
                    /** @example tous les mardis */
                    recurrence?: string;
                    /**
                     * @description asks only
                     * @enum {string}
                     */
                    urgency?: "today" | "week" | "no-rush";
                    /**
                     * @description offers only
                     * @example 2 personnes par semaine
                     */
                    capacity?: string;
                    onBehalf?: {
                        /** @example Marcel */
                        name: string;
                        /** @example mon voisin */
                        relation: string;
                        /** @description the person agrees to the post */
                        consent: boolean;
                    };
                    /** @description the charter of free mutual aid, accepted on every post */
                    charter?: boolean;
                };
            };
        };
        responses: {
            /** @description An ask or an offer, as the caller may see it; never an address, phone or email */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An ask or an offer, as the caller may see it; never an address, phone or email */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    renewListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An ask or an offer, as the caller may see it; never an address, phone or email */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markListingFulfilled: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An ask or an offer, as the caller may see it; never an address, phone or email */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyListings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchListings: {
        parameters: {
            query?: {
                /** @description ask: demandes; offer: propositions; mission: missions d’associations (in `missions`) */
                kind?: "ask" | "offer" | "mission";
                /**
                 * @description category slugs or ids; repeat the parameter for several
                 * @example [
                 *       "it-digital"
                 *     ]
                 */
                categories?: string[];
                /**
                 * @description the centre: INSEE code, postal code or name; absent or empty: the whole territory
                 * @example 14366
                 */
                commune?: string;
                /**
                 * @description km around the centre
                 * @example 10
                 */
                radiusKm?: 5 | 10 | 20 | 50;
                /**
                 * @description French words; accents and case ignored, stemmed, close spellings found
                 * @example aide ordinateur
                 */
                words?: string;
                urgency?: "today" | "week" | "no-rush";
                /** @description default: relevance with words, else distance with a centre, else newest */
                sort?: "relevance" | "distance" | "newest" | "urgency";
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description asks and offers; empty with kind=mission */
                        results: components["schemas"]["ListingSearchResult"][];
                        /** @description volunteer missions of verified organisations: with kind=mission the page (nextCursor continues it), without a kind the 3 that match best on the first page, with kind=ask or offer none */
                        missions: components["schemas"]["MissionSearchResult"][];
                        /** @description pass as cursor for the next page */
                        nextCursor: string | null;
                        /** @enum {string} */
                        sort: "relevance" | "distance" | "newest" | "urgency";
                        /**
                         * @description no listing has the words as typed: the close words searched instead
                         * @example [
                         *       "ordinateur",
                         *       "ordinateurs"
                         *     ]
                         */
                        correctedWords: string[] | null;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMySavedSearches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearch"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSavedSearch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "ask",
                 *       "categories": [
                 *         "digital-help"
                 *       ],
                 *       "commune": "14366",
                 *       "radiusKm": 10,
                 *       "frequency": "immediate"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind?: "ask" | "offer" | "mission";
                    categories?: string[];
                    /** @description 200 characters at most */
                    words?: string;
                    /** @description INSEE code, postal code or name */
                    commune?: string;
                    /** @description one of 5, 10, 20, 50 */
                    radiusKm?: number;
                    /** @enum {string} */
                    urgency?: "today" | "week" | "no-rush";
                    /** @description immediate or daily */
                    frequency: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearch"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSavedSearch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    respondToListing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description plain text, at most 1000 characters
                     * @example Bonjour, je peux passer samedi matin.
                     */
                    message: string;
                    /**
                     * @description contact details to show the other party once accepted (phone only if the account has one)
                     * @example [
                     *       "phone",
                     *       "email"
                     *     ]
                     */
                    shares?: ("phone" | "email")[];
                };
            };
        };
        responses: {
            /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyMatches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchSummary"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description contact details to show the other party once accepted (phone only if the account has one)
                     * @example [
                     *       "phone",
                     *       "email"
                     *     ]
                     */
                    shares?: ("phone" | "email")[];
                };
            };
        };
        responses: {
            /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declineMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description optional, at most 500 characters
                     * @example Je ne suis finalement plus disponible.
                     */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description required, at most 500 characters
                     * @example Je ne suis finalement plus disponible.
                     */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markMatchDone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description an optional thank-you note, at most 1000 characters
                     * @example Merci beaucoup pour les courses !
                     */
                    thanks?: string;
                    /** @description show the note on the listing */
                    thanksPublic?: boolean;
                };
            };
        };
        responses: {
            /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description an optional thank-you note, at most 1000 characters
                     * @example Merci beaucoup pour les courses !
                     */
                    thanks?: string;
                    /** @description show the note on the listing */
                    thanksPublic?: boolean;
                };
            };
        };
        responses: {
            /** @description A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the match id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation of a match, between its two parties only. Reading it marks the other party’s messages as seen. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the match id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description plain text, trimmed, 2000 characters at most
                     * @example Bonjour, je peux passer samedi vers 10 h. Cela vous convient ?
                     */
                    body: string;
                };
            };
        };
        responses: {
            /** @description One message of a match’s conversation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationMessage"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    blockMatchParty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the match id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the caller now blocks the other party of this match */
                        blockedByMe: boolean;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unblockMatchParty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the match id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the caller now blocks the other party of this match */
                        blockedByMe: boolean;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyNotifications: {
        parameters: {
            query?: {
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Something that happened for the caller on the platform */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description how many were unread
                         * @example 3
                         */
                        marked: number;
                        /** @example 0 */
                        unreadCount: number;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description what is reported
                     * @enum {string}
                     */
                    target: "listing" | "message" | "account" | "organisation";
                    /** @description the id of the listing, message, account or organisation */
                    id: string;
                    /** @enum {string} */
                    reason?: "commerce" | "scam" | "abuse" | "danger" | "other";
                    /** @description at most 1000 characters; required for "other" */
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportReceipt"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportReceipt"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                /** @description words of the name or description */
                q?: string;
                kind?: "association" | "aid-structure" | "producer" | "workshop" | "commune" | "partner";
                commune?: string;
                page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Organisation"][];
                        nextPage: number | null;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example Les Restos du cœur de Bayeux */
                    name?: string;
                    /** @enum {string} */
                    kind?: "association" | "aid-structure" | "producer" | "workshop" | "commune" | "partner";
                    /**
                     * @description aid structures only
                     * @enum {string}
                     */
                    aidType?: "ccas" | "food-bank" | "ehpad" | "shelter" | "school" | "other";
                    /** @description SIRET (14 digits) or RNA (W and 9 digits) */
                    registration?: string;
                    /** @example 14047 */
                    communeInsee?: string;
                    description?: string;
                    /** @enum {string} */
                    contactKind?: "email" | "phone" | "website";
                    contactValue?: string;
                };
            };
        };
        responses: {
            /** @description An organisation of the territory, as the caller may see it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An organisation of the territory, as the caller may see it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example Les Restos du cœur de Bayeux */
                    name?: string;
                    /** @enum {string} */
                    kind?: "association" | "aid-structure" | "producer" | "workshop" | "commune" | "partner";
                    /**
                     * @description aid structures only
                     * @enum {string}
                     */
                    aidType?: "ccas" | "food-bank" | "ehpad" | "shelter" | "school" | "other";
                    /** @description SIRET (14 digits) or RNA (W and 9 digits) */
                    registration?: string;
                    /** @example 14047 */
                    communeInsee?: string;
                    description?: string;
                    /** @enum {string} */
                    contactKind?: "email" | "phone" | "website";
                    contactValue?: string;
                };
            };
        };
        responses: {
            /** @description An organisation of the territory, as the caller may see it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyOrganisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationMembership"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisationMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationMember"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inviteOrganisationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @enum {string} */
                    role: "manager" | "member";
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "invited";
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeOrganisationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeOrganisationMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "manager" | "member";
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A mission for volunteers, with its slots and the places left */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mission"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    categoryId?: string;
                    /** @description at most 120 characters */
                    title?: string;
                    /** @description at most 4000 characters */
                    description?: string;
                    /** @example 14118 */
                    communeInsee?: string;
                    address?: string;
                    needsVerifiedVolunteer?: boolean;
                    withdrawHoursBefore?: string | number;
                    /** @description one-off slots, Europe/Paris local times */
                    slots?: {
                        /** @example 2026-04-04 */
                        date?: string;
                        /** @example 09:00 */
                        start?: string;
                        /** @example 12:00 */
                        end?: string;
                        places?: string | number;
                    }[];
                    /** @description every week (ISO weekday, 1 = Monday) until a day */
                    weekly?: {
                        weekday?: string | number;
                        start?: string;
                        end?: string;
                        /** @example 2026-06-30 */
                        until?: string;
                        places?: string | number;
                    };
                };
            };
        };
        responses: {
            /** @description A mission for volunteers, with its slots and the places left */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mission"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMissionSignups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MissionSignup"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signUpToMission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slotIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MissionSignup"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawSignup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMySignups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MissionSignup"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A material need of an organisation, with its progress and drop-off points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Need"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description at most 120 characters */
                    title?: string;
                    /** @description at most 4000 characters */
                    description?: string;
                    /** @example 40 */
                    quantity?: string | number;
                    /**
                     * @description at most 30 characters
                     * @example repas
                     */
                    unit?: string;
                    categoryId?: string | null;
                    deadline?: string | null;
                    allowOverPledge?: boolean;
                };
            };
        };
        responses: {
            /** @description A material need of an organisation, with its progress and drop-off points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Need"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisationNeeds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Need"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createNeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description at most 120 characters */
                    title?: string;
                    /** @description at most 4000 characters */
                    description?: string;
                    /** @example 40 */
                    quantity?: string | number;
                    /**
                     * @description at most 30 characters
                     * @example repas
                     */
                    unit?: string;
                    categoryId?: string | null;
                    deadline?: string | null;
                    allowOverPledge?: boolean;
                    dropPoints: {
                        name: string;
                        /** @example 14047 */
                        communeInsee: string;
                        address: string;
                        hours: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description A material need of an organisation, with its progress and drop-off points */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Need"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNeedPledges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pledge"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pledgeToNeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 40 */
                    quantity?: string | number;
                    dropPointId?: string;
                    organisationId?: string | null;
                };
            };
        };
        responses: {
            /** @description A quantity promised to a need */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pledge"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPledgeReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description what arrived; the whole pledge when absent */
        requestBody: {
            content: {
                "application/json": {
                    /** @example 40 */
                    quantity?: string | number;
                };
            };
        };
        responses: {
            /** @description A quantity promised to a need */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pledge"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyPledges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pledge"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyCampaign"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A supply campaign, with its points when read alone */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyCampaign"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Made, distributed and requests open, per commune; counts only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyProgress"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declareCapacity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description an association or workshop I manage */
                    organisationId?: string;
                    weeklyCapacity?: string | number;
                    stockHeld?: string | number;
                };
            };
        };
        responses: {
            /** @description One’s participation as a maker in a campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyMaker"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description my participation; my own when absent */
                    makerId?: string;
                    quantity?: string | number;
                    pointId?: string;
                    /** @example 2026-04-02 */
                    handedOn?: string;
                };
            };
        };
        responses: {
            /** @description A batch a maker handed over at a collection point */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyBatch"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyCampaignParticipations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyMaker"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignLedger: {
        parameters: {
            query?: {
                point?: string;
                before?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyLedgerEntry"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaignSupplyRequests: {
        parameters: {
            query?: {
                /** @description open, allocated, collected, cancelled, refused */
                status?: string;
                pointId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyRequest"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSupplyRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 40 */
                    quantity: string | number;
                    /** @description person, aid-structure, ehpad, school, pharmacy, other */
                    requesterKind: string;
                    /** @description on behalf of it */
                    organisationId?: string | null;
                    /** @description front-line, vulnerable, general */
                    priority: string;
                    /** @description a distribution point of the campaign */
                    pointId: string;
                    /** @example 14047 */
                    communeInsee: string;
                    /** @description at most 1000 characters */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description A request for material of a supply campaign, with its allocations */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyRequest"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMySupplyRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyRequest"][];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelSupplyRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProducers: {
        parameters: {
            query?: {
                /** @description French words of a product */
                words?: string;
                family?: "fruits" | "legumes" | "viande" | "laitages" | "oeufs" | "miel" | "pain" | "boissons" | "transformes";
                /** @description a commune of the territory: name, postal or INSEE code */
                commune?: string;
                radiusKm?: 5 | 10 | 15 | 20 | 30 | 50;
                mode?: "farm-shop" | "market" | "basket" | "delivery" | "drive";
                /** @description only those open today in Paris time, not closed yet */
                openToday?: boolean;
                page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ProducerSummary"][];
                        total: number;
                        nextPage: number | null;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProducer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A producer’s page: products, places with hours, contact; no prices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Producer"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceProducer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    presentation?: string;
                    labels?: string[];
                    products?: {
                        family?: string;
                        name?: string;
                        description?: string;
                        months?: number[];
                        labels?: string[];
                    }[];
                    places?: {
                        mode?: string;
                        name?: string;
                        communeInsee?: string;
                        address?: string;
                        details?: string;
                        radiusKm?: null | number;
                        hours?: {
                            weekday: number;
                            opens: string;
                            closes: string;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description A producer’s page: products, places with hours, contact; no prices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Producer"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReviewItems: {
        parameters: {
            query?: {
                cause?: string;
                kind?: string;
                /** @description one of serious, newest */
                sort?: string;
                page?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReviewItem"][];
                        /** @description open items per cause */
                        counts: {
                            [key: string]: number;
                        };
                        hasNext: boolean;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviewItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewItemDetail"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    claimReviewItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An item of the territory’s moderation queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewItem"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readReportedMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    readingReason?: string;
                    readingNote?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        parties: string[];
                        messages: {
                            /** Format: uuid */
                            id: string;
                            sender: string;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            hidden: boolean;
                            reported: boolean;
                        }[];
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideReviewItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    decision?: string;
                    reason?: string;
                    dismissal?: string;
                    explanation?: string;
                    days?: string;
                    version?: string;
                };
            };
        };
        responses: {
            /** @description An item of the territory’s moderation queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewItem"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOpenAppeals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appeals: components["schemas"]["OpenAppeal"][];
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description granted lifts the sanction
                     * @enum {string}
                     */
                    decision: "granted" | "upheld";
                    /** @description sent to the person; at most 2000 characters */
                    answer: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealDecided"];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUnansweredAsks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnansweredAsk"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    suggestVolunteers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchSuggestion"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    proposeAsk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    volunteerIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sent: number;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDispatchPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        sentAt: string | null;
                        figures: {
                            [key: string]: number;
                        };
                        pairs: {
                            /** Format: uuid */
                            listingId: string;
                            /** Format: uuid */
                            volunteerId: string;
                            score: number;
                            distanceKm: number;
                            removed: boolean;
                        }[];
                        /** @description listed asks with no plausible volunteer */
                        unplaced: string[];
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDispatchPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        sentAt: string | null;
                        figures: {
                            [key: string]: number;
                        };
                        pairs: {
                            /** Format: uuid */
                            listingId: string;
                            /** Format: uuid */
                            volunteerId: string;
                            score: number;
                            distanceKm: number;
                            removed: boolean;
                        }[];
                        /** @description listed asks with no plausible volunteer */
                        unplaced: string[];
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendDispatchPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    removedListingIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sent: number;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyProposals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyProposal"][];
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        matchId: string;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declineProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        declined: boolean;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused: `detail` says why (forbidden, insufficient-scope, session-required, verification-required, second-factor-required). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current state does not allow it (already taken, closed, ended). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the sender’s number, E.164 or French */
                    from: string;
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stopped: boolean;
                    };
                };
            };
            /** @description Invalid input: `errors` points at each field, with a message in the caller’s language. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown, revoked or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller; also when no platform answers at this host name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the seconds given by Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
