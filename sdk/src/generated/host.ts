/**
 * Generated from openapi/host.json by openapi-typescript (sdk/scripts/generate.mjs).
 * Do not edit: run `npm run openapi` at the repository root.
 */

export interface paths {
    "/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My account */
        get: operations["getMyAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change my password (signs out my other sessions) */
        put: operations["changePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Choose the audience preselected for my new posts */
        patch: operations["updateAccountSettings"];
        trace?: never;
    };
    "/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/app-versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versions waiting for review, oldest submission first, a page at a time (admins only) */
        get: operations["listSubmittedAppVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Apps by status, most recently changed first (admins only) */
        get: operations["listAppsForReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app with its versions and status history (admins only) */
        get: operations["getAppForReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/apps/{appId}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a suspension: the app is published again, or back in development (admins only) */
        post: operations["reinstateApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/apps/{appId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an app: its tokens stop working at once (admins only) */
        post: operations["suspendApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/apps/{appId}/versions/{number}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a submitted version; its developer may then publish it (admins only) */
        post: operations["approveAppVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/apps/{appId}/versions/{number}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How a version differs from the published one, for its review (admins only) */
        get: operations["diffAppVersionForReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/apps/{appId}/versions/{number}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a submitted version, with reasons for its developer (admins only) */
        post: operations["rejectAppVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every admin action, newest first: who, what, to what, when and why (admins only) */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue: open cases (or closed ones), newest first (admins only) */
        get: operations["listModerationCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every moderation decision, newest first: who, when, what and why (admins only) */
        get: operations["listModerationDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/photos/{photoId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The image of any photo, whatever its state or privacy, to moderate it (admins only) */
        get: operations["getPhotoFileForReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keyword rules, newest first (admins only) */
        get: operations["listKeywordRules"];
        put?: never;
        /** Add a keyword rule (admins only) */
        post: operations["createKeywordRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/rules/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a text against the keyword rules: which match, and what posting it would do (admins only) */
        post: operations["checkTextAgainstRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a keyword rule (admins only) */
        delete: operations["deleteKeywordRule"];
        options?: never;
        head?: never;
        /** Change a keyword rule's action (admins only) */
        patch: operations["updateKeywordRule"];
        trace?: never;
    };
    "/admin/moderation/subjects/{subjectType}/{subjectId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish held (or rejected, or unpublished) content, or keep flagged content up (admins only) */
        post: operations["approveContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/subjects/{subjectType}/{subjectId}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the open case of published content (a flag or reports) and change nothing (admins only) */
        post: operations["dismissModerationCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/subjects/{subjectType}/{subjectId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse held content: it stays visible to its author only, with the reason (admins only) */
        post: operations["rejectContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/moderation/subjects/{subjectType}/{subjectId}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take published content down; its author sees the reason (admins only) */
        post: operations["unpublishContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/plugins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Built-in plugins with their circuit breaker: status, recent failures and the last error */
        get: operations["listPlugins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/plugins/{pluginId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a plugin out of service on every instance at once, with a reason: its routes answer 503 and its events are retried on the outbox schedule. A plugin already disabled stays as it was. */
        post: operations["disablePlugin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/plugins/{pluginId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled plugin (by its circuit breaker or an admin) on every instance; its failure count starts again from zero */
        post: operations["enablePlugin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts matching q by username or nickname (best first), or all, newest first (admins only) */
        get: operations["listUsersForAdmin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account with its roles and suspension (admins only) */
        get: operations["getUserForAdmin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/coin-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a user new coins (admins only; stands in for top-up; idempotent by key) */
        post: operations["grantCoins"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's roles; nobody removes their own admin role (admins only) */
        put: operations["setUserRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an account: no sign-in, sessions and app tokens stop at once, content hidden from others (admins only) */
        post: operations["suspendUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/unsuspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a suspension: the user may sign in again and their content is back (admins only) */
        post: operations["unsuspendUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/unhealthy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Apps whose webhooks gave up after a day of retries, most recent first */
        get: operations["listUnhealthyWebhooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/albums": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a photo album */
        post: operations["createAlbum"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/albums/{albumId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One album, if I may see it */
        get: operations["getAlbum"];
        put?: never;
        post?: never;
        /** Delete my album and its photos */
        delete: operations["deleteAlbum"];
        options?: never;
        head?: never;
        /** Edit my album: title, description, cover, who may see it */
        patch: operations["updateAlbum"];
        trace?: never;
    };
    "/albums/{albumId}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An album's photos, newest first */
        get: operations["listAlbumPhotos"];
        put?: never;
        /** Upload a photo (JPEG, PNG, WebP or GIF) to my album */
        post: operations["uploadPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-center/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published apps, newest first, by category or searched by name */
        get: operations["browseAppCenter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-center/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app: what it asks for in plain words, its developer, installs, rating, and my installation */
        get: operations["getAppCenterApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-center/apps/{appId}/icon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's uploaded icon (the URL its iconUrl gives) */
        get: operations["getAppIcon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-center/apps/{appId}/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Install an app (consent to its scopes, minus optional ones declined); again to accept new scopes */
        post: operations["installApp"];
        /** Uninstall an app: its tokens stop working, and its data for me is deleted after a grace period */
        delete: operations["uninstallApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-center/apps/{appId}/invitable-friends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My friends who do not use an app I installed, to invite (never anyone in a block relation with me), each with whether my invite to them is pending */
        get: operations["listFriendsToInvite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-center/apps/{appId}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite friends to an app I installed (a notification each; a daily quota applies; a friend with a pending invite from me is not invited again) */
        post: operations["inviteToApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-center/apps/{appId}/launch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open an installed app's canvas: its URL and a short-lived launch token for the app's backend */
        post: operations["launchApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-center/apps/{appId}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rate an installed app, 1 to 5 stars (one rating per user, changeable) */
        put: operations["rateApp"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apps/{pluginId}/api/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET a route of a built-in plugin (the routes its manifest declares), as the signed-in user */
        get: operations["callPluginRouteGet"];
        /** PUT a route of a built-in plugin (the routes its manifest declares), as the signed-in user */
        put: operations["callPluginRoutePut"];
        /** POST a route of a built-in plugin (the routes its manifest declares), as the signed-in user */
        post: operations["callPluginRoutePost"];
        /** DELETE a route of a built-in plugin (the routes its manifest declares), as the signed-in user */
        delete: operations["callPluginRouteDelete"];
        options?: never;
        head?: never;
        /** PATCH a route of a built-in plugin (the routes its manifest declares), as the signed-in user */
        patch: operations["callPluginRoutePatch"];
        trace?: never;
    };
    "/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users I blocked */
        get: operations["listBlocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blocks/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Block a user (also ends our friendship) */
        put: operations["blockUser"];
        post?: never;
        /** Unblock a user */
        delete: operations["unblockUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blogs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a blog */
        post: operations["createBlog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The apps I registered */
        get: operations["listMyApps"];
        put?: never;
        /** Register an app with version 1 as a draft; it is in development mode until a version is published, and its secret is shown only now */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my apps */
        get: operations["getMyApp"];
        /** Replace how the app center lists one of my apps (takes effect at once, without review) */
        put: operations["updateMyApp"];
        post?: never;
        /** Delete one of my apps, its authorizations and tokens */
        delete: operations["deleteMyApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/icon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upload the app's icon (JPEG, PNG, WebP or GIF): re-encoded to a 256×256 WebP without metadata and listed at once, without review */
        put: operations["uploadMyAppIcon"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My app’s orders with their states, newest first, buyers by openid, with totals */
        get: operations["listAppOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the client secret; the old one stops working at once */
        post: operations["rotateAppSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/testers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who may use the app while it is in development mode */
        get: operations["listAppTesters"];
        put?: never;
        /** Whitelist a tester by username, in any letter case (idempotent: adding again changes nothing) */
        post: operations["addAppTesterByUsername"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/testers/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Whitelist a tester (idempotent) */
        put: operations["addAppTester"];
        post?: never;
        /** Remove a tester */
        delete: operations["removeAppTester"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My app's Open API calls per day and operation (with 4xx, 429 and 5xx counts) and its rate limits now */
        get: operations["getMyAppUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of one of my apps, newest first, and the decisions about them */
        get: operations["listMyAppVersions"];
        put?: never;
        /** Start the next version as a draft (when no other version is draft, submitted or approved) */
        post: operations["createAppVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft version's manifest: fields left out stay as they were, null clears a URL */
        patch: operations["editAppVersion"];
        trace?: never;
    };
    "/developer/apps/{appId}/versions/{number}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How a version of my app differs from the published one (scopes, events, URLs, listing) */
        get: operations["diffMyAppVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/versions/{number}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish an approved version: users get it; scopes it adds wait for each user’s consent */
        post: operations["publishAppVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/versions/{number}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft version for review, with an optional note for the reviewer */
        post: operations["submitAppVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's webhook: URL, signing secret, health and recent deliveries */
        get: operations["getAppWebhook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/webhook/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's delivery log, newest first: each event's attempts, the receiver's last answer and the next retry */
        get: operations["listAppWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/webhook/deliveries/{eventId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivered, failed or undeliverable event again, with the same id, in a fresh round of retries */
        post: operations["redeliverAppWebhookEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/webhook/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the webhook signing secret; webhooks sent from now on use the new one */
        post: operations["rotateAppWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{appId}/webhook/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to the app’s webhook, signed and retried like any event (one at a time) */
        post: operations["sendAppWebhookTestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Become a developer, who can register apps (idempotent) */
        post: operations["registerAsDeveloper"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The information center: what my friends and I posted, reposted or commented */
        get: operations["getFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friend-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My friend groups with their members */
        get: operations["listFriendGroups"];
        put?: never;
        /** Create a friend group */
        post: operations["createFriendGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friend-groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a friend group (its members stay friends) */
        delete: operations["deleteFriendGroup"];
        options?: never;
        head?: never;
        /** Rename a friend group */
        patch: operations["renameFriendGroup"];
        trace?: never;
    };
    "/friend-groups/{groupId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Put a friend in a group */
        put: operations["addFriendGroupMember"];
        post?: never;
        /** Take a friend out of a group */
        delete: operations["removeFriendGroupMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friend-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending requests to me or from me */
        get: operations["listFriendRequests"];
        put?: never;
        /** Ask someone to be my friend */
        post: operations["sendFriendRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friend-requests/{requestId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a request sent to me */
        post: operations["acceptFriendRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friend-requests/{requestId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a request I sent */
        post: operations["cancelFriendRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friend-requests/{requestId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a request sent to me */
        post: operations["declineFriendRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My friends, newest first */
        get: operations["listFriends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a friendship */
        delete: operations["removeFriend"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database mode and migration state */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up and serving */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The instance may take traffic: database reachable, migrations done, plugins started */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The decoration items I own */
        get: operations["listInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/level": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My level, activity points, and today's points per activity against its daily cap */
        get: operations["getMyLevel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The apps I installed, most recent first, with what each may do and where it opens */
        get: operations["listMyInstalledApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/authorized-apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The apps I allowed to act for me, and what each may do */
        get: operations["listAuthorizedApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/authorized-apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an app's access: its tokens stop working at once */
        delete: operations["revokeAppAuthorization"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/gifts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a gift I received off my gift wall */
        delete: operations["hideGift"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders apps asked me to pay, newest first */
        get: operations["listMyOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my orders */
        get: operations["getMyOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/orders/{orderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a pending order */
        post: operations["cancelMyOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/orders/{orderId}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm and pay a pending order: its price leaves my wallet and is held until the app delivers (refunded if it does not in time). Paying again pays nothing */
        post: operations["payMyOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/storage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How much photo storage I use and may use */
        get: operations["getMyStorage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics, to a scraper on this machine or one with KONGJIAN_METRICS_TOKEN */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/moods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post a mood (shuoshuo) */
        post: operations["createMood"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What I have been told, newest first */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark some or all notifications read */
        post: operations["markNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My unread count, live (server-sent events) */
        get: operations["streamNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many notifications I have not read */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a photo for a mood (only I see it until a mood carries it, via photoIds) */
        post: operations["uploadMoodPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One photo, if I may see it */
        get: operations["getPhoto"];
        put?: never;
        post?: never;
        /** Delete my photo and free its storage */
        delete: operations["deletePhoto"];
        options?: never;
        head?: never;
        /** Edit my photo's title or description */
        patch: operations["updatePhoto"];
        trace?: never;
    };
    "/photos/{photoId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comments on a photo, newest first */
        get: operations["listPhotoComments"];
        put?: never;
        /** Comment on a photo, or reply to a comment */
        post: operations["createPhotoComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos/{photoId}/comments/{commentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete my comment, or one on my photo */
        delete: operations["deletePhotoComment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos/{photoId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The image file of a photo I may see (thumb, web or original size) */
        get: operations["getPhotoFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos/{photoId}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Like a photo (liking twice is one like) */
        put: operations["likePhoto"];
        post?: never;
        /** Take my like back */
        delete: operations["unlikePhoto"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{postId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post, if I may see it */
        get: operations["getPost"];
        put?: never;
        post?: never;
        /** Delete my post */
        delete: operations["deletePost"];
        options?: never;
        head?: never;
        /** Edit my post or change who may see it */
        patch: operations["updatePost"];
        trace?: never;
    };
    "/posts/{postId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comments on a post, newest first */
        get: operations["listComments"];
        put?: never;
        /** Comment on a post, or reply to a comment */
        post: operations["createComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{postId}/comments/{commentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete my comment, or one on my post */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{postId}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Like a post (liking twice is one like) */
        put: operations["likePost"];
        post?: never;
        /** Take my like back */
        delete: operations["unlikePost"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{postId}/reposts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Repost a post I can see, with a comment */
        post: operations["repost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a post or comment I can see to the reviewers (once per item) */
        post: operations["reportContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My signed-in sessions */
        get: operations["listSessions"];
        put?: never;
        /** Sign in with username and password */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out of this session */
        delete: operations["logout"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions (sign a device out) */
        delete: operations["endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shop/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The decoration item catalog */
        get: operations["listShopItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shop/items/{itemId}/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy a decoration item with coins (idempotent by key) */
        post: operations["purchaseShopItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/space/decoration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my space's theme, music, layout and board access */
        patch: operations["updateSpaceDecoration"];
        trace?: never;
    };
    "/space/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit my profile */
        patch: operations["updateSpaceProfile"];
        trace?: never;
    };
    "/spaces/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's space: profile, decoration and counts (a signed-in visit is logged) */
        get: operations["getSpace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{userId}/gifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The gift wall of a user's space: gifts they received, newest first (their friends see it) */
        get: operations["listGiftWall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{userId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages on a user's message board, newest first */
        get: operations["listBoardMessages"];
        put?: never;
        /** Leave a message on a user's message board */
        post: operations["createBoardMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{userId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a message from my board, or one I left */
        delete: operations["deleteBoardMessage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{userId}/visitors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who visited my space, latest first (one entry per visitor per UTC day) */
        get: operations["listSpaceVisitors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find people by username or nickname, best matches first */
        get: operations["searchUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/by-username/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a user by username (in any letter case) */
        get: operations["getUserByUsername"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/albums": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's albums that I may see, newest first */
        get: operations["listUserAlbums"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's posts that I may see, newest first */
        get: operations["listUserPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My yellow-diamond membership, its price and my storage quota */
        get: operations["getMyVip"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vip/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy months of yellow diamond with coins (extends a running membership; idempotent by key) */
        post: operations["purchaseVip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My coin balance and ledger entries, newest first */
        get: operations["getWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wallet/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send coins to another user (idempotent by key) */
        post: operations["transferCoins"];
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
        AccountResponse: {
            /** Format: date-time */
            createdAt: string;
            /** @description My friend groups preselected with "groups"; empty for every other level */
            defaultGroupIds: string[];
            /**
             * @description The audience preselected for my new posts (PATCH /account/settings)
             * @enum {string}
             */
            defaultPrivacy: "public" | "friends" | "groups" | "private";
            /** Format: uuid */
            id: string;
            roles: ("user" | "developer" | "admin")[];
            username: string;
        };
        ActivityToday: {
            /** @enum {string} */
            activity: "login" | "mood" | "blog" | "comment_received" | "visitor";
            /** @description The most this activity earns in a day */
            dailyCap: number;
            /** @description Points earned today (UTC) by this activity */
            points: number;
            /** @description Points one activity earns */
            pointsEach: number;
        };
        AddTesterRequest: {
            /** @example xiaoming */
            username: string;
        };
        AdminAppResponse: {
            app: components["schemas"]["AppResponse"];
            history: components["schemas"]["AppStatusChangeResponse"][];
            /** @description Newest first */
            versions: components["schemas"]["AppVersionResponse"][];
        };
        AdminUserPage: {
            items: components["schemas"]["AdminUserResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        AdminUserResponse: {
            avatarUrl: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            nickname: string;
            roles: ("user" | "developer" | "admin")[];
            /** @description null unless the account is suspended */
            suspension: components["schemas"]["UserSuspension"] | null;
            username: string;
        };
        AlbumPage: {
            items: components["schemas"]["AlbumResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        AlbumResponse: {
            /**
             * Format: uuid
             * @description The cover the owner chose
             */
            coverPhotoId: string | null;
            /** @description Thumbnail of the cover (or the newest photo) the viewer may see; null for an empty album */
            coverUrl: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** @description Chosen groups; shown to the owner only */
            groupIds?: string[];
            /** Format: uuid */
            id: string;
            /** @description Shown to the owner only, while not published */
            moderation?: components["schemas"]["ModerationStatus"];
            owner: components["schemas"]["UserSummary"];
            /** @description Photos the viewer may see */
            photoCount: number;
            /** @enum {string} */
            privacy: "public" | "friends" | "groups" | "private";
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AppCenterAppResponse: {
            /** @description Built into Kongjian (a plugin) */
            builtIn: boolean;
            /** @enum {string} */
            category: "games" | "social" | "tools" | "lifestyle" | "entertainment" | "education";
            description: string;
            developer: components["schemas"]["UserSummary"];
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            /** @description Users who have it installed now */
            installCount: number;
            name: string;
            rating: components["schemas"]["RatingSummary"];
        };
        AppCenterDetailResponse: {
            /** @description Built into Kongjian (a plugin) */
            builtIn: boolean;
            /** @enum {string} */
            category: "games" | "social" | "tools" | "lifestyle" | "entertainment" | "education";
            description: string;
            developer: components["schemas"]["UserSummary"];
            /** @description It has a canvas the app center can open */
            hasCanvas: boolean;
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            /** @description Users who have it installed now */
            installCount: number;
            /** @description Null when not installed */
            installation: components["schemas"]["InstallationResponse"] | null;
            name: string;
            rating: components["schemas"]["RatingSummary"];
            /** @description What the app asks for, in plain words */
            scopes: components["schemas"]["AppScopeResponse"][];
        };
        AppCenterPageResponse: {
            items: components["schemas"]["AppCenterAppResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        AppHistoryEntryResponse: {
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            fromStatus: "draft" | "submitted" | "approved" | "rejected" | "published" | "superseded" | "development" | "suspended";
            reason: string | null;
            /** @enum {string} */
            toStatus: "draft" | "submitted" | "approved" | "rejected" | "published" | "superseded" | "development" | "suspended";
            /** @description The version that moved; null for the app itself */
            versionNumber: number | null;
        };
        AppListResponse: {
            items: components["schemas"]["AppResponse"][];
        };
        AppListingRequest: {
            /** @enum {string} */
            category: "games" | "social" | "tools" | "lifestyle" | "entertainment" | "education";
            /** @default  */
            description?: string;
            /** @description An https URL, or the URL of the icon uploaded with PUT /developer/apps/{appId}/icon (kept as it is) */
            iconUrl?: string | null;
            name: string;
        };
        AppManifestRequest: {
            /** @description The page the app center opens, with a launch token (https, or http on loopback) */
            canvasUrl?: string | null;
            /** @description The event types the app receives (webhook or plugin); events of other types are not sent to it and not recorded for it */
            events?: ("app.installed" | "app.uninstalled" | "app.deauthorized" | "post.created" | "post.held" | "post.removed" | "friend.added" | "gift.received" | "order.paid" | "order.refunded" | "app.reminder" | "app.invited" | "invite.accepted")[];
            /** @description The part of `scopes` a user may untick on the consent page; the rest are required */
            optionalScopes?: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            /** @description Exact URIs the authorization server may send users back to: https, or http on loopback (where any port is accepted at authorization time, RFC 8252) */
            redirectUris: string[];
            /** @description Every scope the app may ask for */
            scopes: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            /** @description A label such as "1.2.0" */
            versionName?: string | null;
            /** @description Where events are delivered (https); addresses that resolve to loopback, private or link-local networks are refused outside development mode */
            webhookUrl?: string | null;
        };
        AppManifestResponse: {
            canvasUrl: string | null;
            events: ("app.installed" | "app.uninstalled" | "app.deauthorized" | "post.created" | "post.held" | "post.removed" | "friend.added" | "gift.received" | "order.paid" | "order.refunded" | "app.reminder" | "app.invited" | "invite.accepted")[];
            optionalScopes: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            pluginId: string | null;
            redirectUris: string[];
            scopes: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            versionName: string | null;
            webhookUrl: string | null;
        };
        AppResponse: {
            canvasUrl: string | null;
            /** @enum {string} */
            category: "games" | "social" | "tools" | "lifestyle" | "entertainment" | "education";
            clientId: string;
            /** @enum {string} */
            clientType: "confidential" | "public";
            /** Format: date-time */
            createdAt: string;
            description: string;
            developer: components["schemas"]["UserSummary"];
            events: ("app.installed" | "app.uninstalled" | "app.deauthorized" | "post.created" | "post.held" | "post.removed" | "friend.added" | "gift.received" | "order.paid" | "order.refunded" | "app.reminder" | "app.invited" | "invite.accepted")[];
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            optionalScopes: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            /** @description Set for a built-in app (a plugin) */
            pluginId: string | null;
            /** @description The version users get */
            publishedVersion: number | null;
            redirectUris: string[];
            scopes: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            /**
             * @description development: nothing published yet, only its developer and testers can use it (with the newest version's manifest); published: users get the published version; suspended: nobody can use it
             * @enum {string}
             */
            status: "development" | "published" | "suspended";
            /** @description Why an admin suspended it */
            statusReason: string | null;
            /** Format: date-time */
            updatedAt: string;
            webhookUrl: string | null;
        };
        AppScopeResponse: {
            /** @description What the scope lets the app do, in plain words */
            description: string;
            /** @description The user may leave it out when installing */
            optional: boolean;
            /** @enum {string} */
            scope: "profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send";
        };
        AppStatusChangeResponse: {
            actor: components["schemas"]["UserSummary"] | null;
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            fromStatus: "draft" | "submitted" | "approved" | "rejected" | "published" | "superseded" | "development" | "suspended";
            reason: string | null;
            /** @enum {string} */
            toStatus: "draft" | "submitted" | "approved" | "rejected" | "published" | "superseded" | "development" | "suspended";
            /** @description The version that moved; null for the app itself */
            versionNumber: number | null;
        };
        AppUsageResponse: {
            /**
             * Format: date
             * @description The first UTC day counted
             */
            from: string;
            /** @description Per day and operation, newest day first; days without calls are left out. Counted within 10 seconds */
            items: components["schemas"]["OperationUsageResponse"][];
            rateLimit: components["schemas"]["RateLimitBudgetResponse"];
            /**
             * Format: date
             * @description The last UTC day counted: today
             */
            to: string;
            /** @description Over all the days */
            totals: components["schemas"]["UsageCountsResponse"];
        };
        AppVersionListResponse: {
            /** @description Every status change of the app and its versions, oldest first */
            history: components["schemas"]["AppHistoryEntryResponse"][];
            items: components["schemas"]["AppVersionResponse"][];
        };
        AppVersionResponse: {
            /** Format: uuid */
            appId: string;
            /** Format: date-time */
            createdAt: string;
            manifest: components["schemas"]["AppManifestResponse"];
            number: number;
            /**
             * @description draft → submitted → approved | rejected; approved → published; a published version becomes superseded when a newer one is published
             * @enum {string}
             */
            status: "draft" | "submitted" | "approved" | "rejected" | "published" | "superseded";
            /** @description Why an admin rejected it */
            statusReason: string | null;
            /** @description What the developer told the reviewer when submitting it */
            submitNote: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        AuditEntryPage: {
            items: components["schemas"]["AuditEntryResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        AuditEntryResponse: {
            /**
             * @description A stable code of what was done
             * @enum {string}
             */
            action: "app_version.approve" | "app_version.reject" | "app.suspend" | "app.reinstate" | "moderation.approve" | "moderation.reject" | "moderation.unpublish" | "moderation.dismiss" | "keyword_rule.create" | "keyword_rule.update" | "keyword_rule.delete" | "coins.grant" | "user.roles_set" | "user.suspend" | "user.unsuspend" | "plugin.enable" | "plugin.disable";
            /** @description The admin; null if the account is gone */
            actor: components["schemas"]["UserSummary"] | null;
            /**
             * Format: uuid
             * @description The admin who acted
             */
            actorId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Facts of the action, by action: e.g. `version`, `roles` and `previousRoles`, `amount` */
            details: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** @description The reason the admin gave */
            reason: string | null;
            /** @description The id of what it was done to (a plugin: its name) */
            subjectId: string;
            /** @enum {string} */
            subjectType: "user" | "app" | "plugin" | "keyword_rule" | "post" | "comment" | "board_message" | "album" | "photo";
            /** @description The user acted on, when the subject is a user (null otherwise, or if the account is gone) */
            subjectUser: components["schemas"]["UserSummary"] | null;
        };
        AuthorizedAppListResponse: {
            items: components["schemas"]["AuthorizedAppResponse"][];
        };
        AuthorizedAppResponse: {
            /** Format: uuid */
            appId: string;
            /** Format: date-time */
            authorizedAt: string;
            /** @description The developer's name */
            developerName: string;
            iconUrl: string | null;
            name: string;
            /** @description What the user allowed it */
            scopes: components["schemas"]["ScopeResponse"][];
        };
        BlockList: {
            items: components["schemas"]["BlockResponse"][];
        };
        BlockResponse: {
            /** Format: date-time */
            since: string;
            user: components["schemas"]["UserSummary"];
        };
        BoardMessagePage: {
            items: components["schemas"]["BoardMessageResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        BoardMessageResponse: {
            author: components["schemas"]["UserSummary"];
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Whether the viewer may delete it (the space owner or the author) */
            deletable: boolean;
            /** Format: uuid */
            id: string;
            /** @description Shown to the author only, while the message is not published */
            moderation?: components["schemas"]["ModerationStatus"];
        };
        ChangePasswordRequest: {
            currentPassword: string;
            newPassword: string;
        };
        CheckTextRequest: {
            /** @description A text as an author would post it */
            text: string;
        };
        ClientSecretResponse: {
            /** @description The new secret, shown only now; the old one stopped working */
            clientSecret: string;
        };
        CoinGrantRequest: {
            /** @description Coins */
            amount: number;
            /**
             * @description Chosen by the client, unique per request of this user (a UUID works). Sending the same request again with the same key returns the first result and moves no coins; the same key with a different request is refused (409).
             * @example 0b8f9a52-2f7c-4a53-9f0e-6a3c1d2e4f50
             */
            idempotencyKey: string;
            /** @description Shown to both sides */
            memo?: string;
        };
        CoinTransactionResponse: {
            /** @description Coins moved */
            amount: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Null when the coins came from the system */
            from: components["schemas"]["UserSummary"] | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "grant" | "transfer" | "vip_purchase" | "item_purchase" | "order_payment" | "order_delivery" | "order_refund";
            memo: string | null;
            /** @description Null when the coins went to the system */
            to: components["schemas"]["UserSummary"] | null;
        };
        CoinTransferRequest: {
            /** @description Coins */
            amount: number;
            /**
             * @description Chosen by the client, unique per request of this user (a UUID works). Sending the same request again with the same key returns the first result and moves no coins; the same key with a different request is refused (409).
             * @example 0b8f9a52-2f7c-4a53-9f0e-6a3c1d2e4f50
             */
            idempotencyKey: string;
            /** @description Shown to both sides */
            memo?: string;
            /**
             * Format: uuid
             * @description Who receives the coins
             */
            toUserId: string;
        };
        CommentPage: {
            items: components["schemas"]["CommentResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        CommentResponse: {
            author: components["schemas"]["UserSummary"];
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description Shown to the author only, while the comment is not published */
            moderation?: components["schemas"]["ModerationStatus"];
            /** Format: uuid */
            parentId: string | null;
            /** Format: uuid */
            postId: string;
        };
        CreateAlbumRequest: {
            description?: string;
            /** @description My friend groups that may see it; required for and only allowed with "groups" */
            groupIds?: string[];
            /**
             * @description public, friends, chosen friend groups, or only me
             * @enum {string}
             */
            privacy: "public" | "friends" | "groups" | "private";
            title: string;
        };
        CreateAppRequest: {
            /** @description The page the app center opens, with a launch token (https, or http on loopback) */
            canvasUrl?: string | null;
            /** @enum {string} */
            category: "games" | "social" | "tools" | "lifestyle" | "entertainment" | "education";
            /**
             * @description confidential: a server that can keep a secret; public: a browser or mobile app (PKCE only)
             * @default confidential
             * @enum {string}
             */
            clientType?: "confidential" | "public";
            /** @default  */
            description?: string;
            /** @description The event types the app receives (webhook or plugin); events of other types are not sent to it and not recorded for it */
            events?: ("app.installed" | "app.uninstalled" | "app.deauthorized" | "post.created" | "post.held" | "post.removed" | "friend.added" | "gift.received" | "order.paid" | "order.refunded" | "app.reminder" | "app.invited" | "invite.accepted")[];
            /** @description An https URL, or the URL of the icon uploaded with PUT /developer/apps/{appId}/icon (kept as it is) */
            iconUrl?: string | null;
            name: string;
            /** @description The part of `scopes` a user may untick on the consent page; the rest are required */
            optionalScopes?: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            /** @description Exact URIs the authorization server may send users back to: https, or http on loopback (where any port is accepted at authorization time, RFC 8252) */
            redirectUris: string[];
            /** @description Every scope the app may ask for */
            scopes: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            /** @description A label such as "1.2.0" */
            versionName?: string | null;
            /** @description Where events are delivered (https); addresses that resolve to loopback, private or link-local networks are refused outside development mode */
            webhookUrl?: string | null;
        };
        CreateBlogRequest: {
            /** @description Rich text as HTML; sanitized on save */
            body: string;
            /** @description My friend groups that may see it; required for and only allowed with "groups" */
            groupIds?: string[];
            /**
             * @description public, friends, chosen friend groups, or only me
             * @enum {string}
             */
            privacy: "public" | "friends" | "groups" | "private";
            title: string;
        };
        CreateBoardMessageRequest: {
            /** @description Plain text */
            body: string;
        };
        CreateCommentRequest: {
            body: string;
            /**
             * Format: uuid
             * @description Reply to this top-level comment of the same post
             */
            parentId?: string;
        };
        CreateKeywordRuleRequest: {
            /**
             * @description block: refuse to publish; hold: author-only until reviewed; flag: publish and queue
             * @enum {string}
             */
            action: "block" | "hold" | "flag";
            /** @description A word or phrase, matched anywhere in the text, ignoring case and full-width forms */
            phrase: string;
        };
        CreateMoodRequest: {
            /** @description My friend groups that may see it; required for and only allowed with "groups" */
            groupIds?: string[];
            /** @description My uploaded photos (POST /photos) not yet on a mood or in an album; they follow the mood */
            photoIds?: string[];
            /**
             * @description public, friends, chosen friend groups, or only me
             * @enum {string}
             */
            privacy: "public" | "friends" | "groups" | "private";
            /** @description Plain text */
            text: string;
        };
        CreateReportRequest: {
            /** @description What is wrong with it */
            reason: string;
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectType: "post" | "comment" | "photo";
        };
        CreateRepostRequest: {
            /** @description My friend groups that may see it; required for and only allowed with "groups" */
            groupIds?: string[];
            /**
             * @description public, friends, chosen friend groups, or only me
             * @enum {string}
             */
            privacy: "public" | "friends" | "groups" | "private";
            /** @description What I say about it */
            text?: string;
        };
        CreatedAppResponse: {
            app: components["schemas"]["AppResponse"];
            /** @description Shown only now and stored only as a hash; null for a public client */
            clientSecret: string | null;
        };
        DatabaseHealthResponse: {
            migrations: components["schemas"]["MigrationStateResponse"];
            /** @enum {string} */
            mode: "pglite" | "postgresql";
        };
        DeveloperOrderPage: {
            /** @description Newest first */
            items: components["schemas"]["OpenOrder"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
            /** @description Over all of the app’s orders */
            totals: components["schemas"]["OrderTotals"];
        };
        DisablePluginRequest: {
            /** @description Why: shown to other admins and in the 503 answers, recorded in the audit log */
            reason: string;
        };
        EditAppVersionRequest: {
            /** @description The page the app center opens, with a launch token (https, or http on loopback) */
            canvasUrl?: string | null;
            /** @description The event types the app receives (webhook or plugin); events of other types are not sent to it and not recorded for it */
            events?: ("app.installed" | "app.uninstalled" | "app.deauthorized" | "post.created" | "post.held" | "post.removed" | "friend.added" | "gift.received" | "order.paid" | "order.refunded" | "app.reminder" | "app.invited" | "invite.accepted")[];
            /** @description The part of `scopes` a user may untick on the consent page; the rest are required */
            optionalScopes?: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            /** @description Exact URIs the authorization server may send users back to: https, or http on loopback (where any port is accepted at authorization time, RFC 8252) */
            redirectUris?: string[];
            /** @description Every scope the app may ask for */
            scopes?: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            /** @description A label such as "1.2.0" */
            versionName?: string | null;
            /** @description Where events are delivered (https); addresses that resolve to loopback, private or link-local networks are refused outside development mode */
            webhookUrl?: string | null;
        };
        EventListChange: {
            added: ("app.installed" | "app.uninstalled" | "app.deauthorized" | "post.created" | "post.held" | "post.removed" | "friend.added" | "gift.received" | "order.paid" | "order.refunded" | "app.reminder" | "app.invited" | "invite.accepted")[];
            removed: ("app.installed" | "app.uninstalled" | "app.deauthorized" | "post.created" | "post.held" | "post.removed" | "friend.added" | "gift.received" | "order.paid" | "order.refunded" | "app.reminder" | "app.invited" | "invite.accepted")[];
        };
        FeedItemResponse: {
            actor: components["schemas"]["UserSummary"];
            /** @description For "commented": the comment */
            comment: components["schemas"]["CommentResponse"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            post: components["schemas"]["PostResponse"];
            /** @enum {string} */
            verb: "posted" | "reposted" | "commented";
        };
        FeedPage: {
            items: components["schemas"]["FeedItemResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        FriendGroupList: {
            items: components["schemas"]["FriendGroupResponse"][];
        };
        FriendGroupNameRequest: {
            /** @example classmates */
            name: string;
        };
        FriendGroupResponse: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            members: components["schemas"]["UserSummary"][];
            name: string;
        };
        FriendPage: {
            items: components["schemas"]["FriendResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        FriendRequestPage: {
            items: components["schemas"]["FriendRequestResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        FriendRequestResponse: {
            /** Format: date-time */
            createdAt: string;
            from: components["schemas"]["UserSummary"];
            /** Format: uuid */
            id: string;
            note: string | null;
            /** @enum {string} */
            status: "pending" | "accepted" | "declined" | "cancelled";
            to: components["schemas"]["UserSummary"];
        };
        FriendResponse: {
            /**
             * Format: date-time
             * @description When the friendship began
             */
            since: string;
            user: components["schemas"]["UserSummary"];
        };
        FriendToInvite: {
            /** @description My invite to them is pending: asking again sends nothing */
            invited: boolean;
            user: components["schemas"]["UserSummary"];
        };
        FriendsToInvitePage: {
            items: components["schemas"]["FriendToInvite"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        GiftThanks: {
            /** Format: date-time */
            createdAt: string;
            /** @description What the recipient wrote back */
            message: string;
        };
        GiftWallItem: {
            /** @description The app it was sent with; null once deleted */
            app: components["schemas"]["PostApp"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            imageUrl: string | null;
            message: string | null;
            name: string;
            /** @description Null once the sender left Kongjian */
            sender: components["schemas"]["UserSummary"] | null;
            thanks: components["schemas"]["GiftThanks"] | null;
        };
        GiftWallPage: {
            /** @description Newest first */
            items: components["schemas"]["GiftWallItem"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        HealthResponse: {
            database: components["schemas"]["DatabaseHealthResponse"];
            /** @enum {string} */
            status: "ok";
        };
        InstallRequest: {
            /** @description Optional scopes the user unticked; required ones cannot be declined */
            declinedScopes?: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
        };
        InstallationResponse: {
            /** Format: date-time */
            installedAt: string;
            myRating: number | null;
            /** @description Scopes a newer version asks for that the user has not been asked about; installing again grants them */
            pendingScopes: components["schemas"]["ScopeResponse"][];
            /** @description What the user allowed the app */
            scopes: components["schemas"]["ScopeResponse"][];
        };
        InstalledAppListResponse: {
            items: components["schemas"]["InstalledAppResponse"][];
        };
        InstalledAppResponse: {
            /** @description Built into Kongjian (a plugin) */
            builtIn: boolean;
            canvasUrl: string | null;
            /** @enum {string} */
            category: "games" | "social" | "tools" | "lifestyle" | "entertainment" | "education";
            description: string;
            developer: components["schemas"]["UserSummary"];
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            /** @description Users who have it installed now */
            installCount: number;
            installation: components["schemas"]["InstallationResponse"];
            name: string;
            rating: components["schemas"]["RatingSummary"];
        };
        InventoryEntry: {
            /** Format: date-time */
            acquiredAt: string;
            item: components["schemas"]["ShopItemResponse"];
        };
        InventoryResponse: {
            /** @description What I own, latest first */
            items: components["schemas"]["InventoryEntry"][];
        };
        InviteRequest: {
            /** @description Friends to invite */
            userIds: string[];
        };
        InviteResponse: {
            /** @description Friends skipped because they have the app already */
            alreadyInstalled: string[];
            /** @description Friends I had invited already, whose invite is still pending: not notified again, not counted */
            alreadyInvited: string[];
            /** @description Friends who were sent an invite now */
            invited: string[];
            /** @description Invites left today */
            remainingToday: number;
        };
        ItemPurchaseRequest: {
            /**
             * @description Chosen by the client, unique per request of this user (a UUID works). Sending the same request again with the same key returns the first result and moves no coins; the same key with a different request is refused (409).
             * @example 0b8f9a52-2f7c-4a53-9f0e-6a3c1d2e4f50
             */
            idempotencyKey: string;
        };
        ItemPurchaseResponse: {
            /** Format: date-time */
            acquiredAt: string;
            item: components["schemas"]["ShopItemResponse"];
            /** @description Null for a free item: nothing moved */
            transaction: components["schemas"]["CoinTransactionResponse"] | null;
        };
        KeywordRulePage: {
            items: components["schemas"]["KeywordRuleResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        KeywordRuleResponse: {
            /** @enum {string} */
            action: "block" | "hold" | "flag";
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            phrase: string;
            /** Format: date-time */
            updatedAt: string;
        };
        LaunchResponse: {
            canvasUrl: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description A JWT (ES256) for the app's backend: iss the host, aud the app's client_id, sub the user's openid, a nonce, and exp; verify it against /.well-known/jwks.json */
            launchToken: string;
        };
        LevelBadge: {
            level: number;
            /** @description Activity points earned in total */
            points: number;
        };
        LevelResponse: {
            level: number;
            /** @description Points the next level needs; null at the top */
            nextLevelPoints: number | null;
            /** @description Activity points earned in total */
            points: number;
            today: components["schemas"]["ActivityToday"][];
        };
        LikeResponse: {
            likeCount: number;
            liked: boolean;
        };
        ListingChangeResponse: {
            /** @enum {string} */
            field: "name" | "description" | "iconUrl" | "category";
            from: string | null;
            to: string | null;
        };
        LivenessResponse: {
            /** @enum {string} */
            status: "ok";
        };
        LoginRequest: {
            password: string;
            username: string;
        };
        MarkReadRequest: {
            /** @description Omit to mark everything read */
            ids?: string[];
        };
        MarkReadResponse: {
            /** @description How many notifications became read */
            updated: number;
        };
        MigrationStateResponse: {
            executed: string[];
            pending: string[];
            upToDate: boolean;
        };
        ModeratedContent: {
            author: components["schemas"]["UserSummary"];
            /** @description For comments on a post: that post; null for other content, or once the post is deleted */
            post: components["schemas"]["ModeratedPostContext"] | null;
            /**
             * Format: uuid
             * @description For comments: their post
             */
            postId: string | null;
            /**
             * @description For posts: who the post is shared with
             * @enum {string|null}
             */
            privacy: "public" | "friends" | "groups" | "private" | null;
            /** @description The reason its author was given */
            reason: string | null;
            /** @description For board messages: the owner of the space the message is on */
            spaceOwner: components["schemas"]["UserSummary"] | null;
            /**
             * Format: uuid
             * @description For board messages: whose space
             */
            spaceOwnerId: string | null;
            /** @enum {string} */
            state: "published" | "held" | "rejected" | "unpublished";
            /** @description The screened text (a blog: its title and its text without markup) */
            text: string;
        };
        ModeratedPostContext: {
            author: components["schemas"]["UserSummary"];
            /** Format: uuid */
            id: string;
            /**
             * @description Who the post is shared with
             * @enum {string}
             */
            privacy: "public" | "friends" | "groups" | "private";
            /** @enum {string} */
            state: "published" | "held" | "rejected" | "unpublished";
            /** @description Its text (a blog: its title and its text without markup) */
            text: string;
        };
        ModerationCasePage: {
            items: components["schemas"]["ModerationCaseResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        ModerationCaseResponse: {
            /** Format: date-time */
            closedAt: string | null;
            /** @description null once the content is deleted */
            content: components["schemas"]["ModeratedContent"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description What keyword rules did
             * @enum {string|null}
             */
            keywordAction: "hold" | "flag" | null;
            /** @description The phrases of the rules that matched */
            keywords: string[];
            reportCount: number;
            /** @description The newest reasons users gave in their reports */
            reportReasons: string[];
            /** @enum {string} */
            status: "open" | "closed";
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectType: "post" | "comment" | "board_message" | "album" | "photo";
            /** Format: date-time */
            updatedAt: string;
        };
        ModerationDecisionPage: {
            items: components["schemas"]["ModerationDecisionResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        ModerationDecisionResponse: {
            /** @enum {string} */
            action: "approve" | "reject" | "unpublish" | "dismiss";
            /** @description The reviewer; null if since deleted */
            admin: components["schemas"]["UserSummary"] | null;
            /** Format: uuid */
            caseId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            newState: "published" | "held" | "rejected" | "unpublished";
            /** @enum {string} */
            previousState: "published" | "held" | "rejected" | "unpublished";
            reason: string | null;
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectType: "post" | "comment" | "board_message" | "album" | "photo";
        };
        ModerationStatus: {
            /** @description The reviewer's reason, if any */
            reason: string | null;
            /**
             * @description held: under review; rejected: refused by a reviewer; unpublished: taken down by a reviewer
             * @enum {string}
             */
            state: "published" | "held" | "rejected" | "unpublished";
        };
        MyOrder: {
            /** @description Null once the app was deleted */
            app: components["schemas"]["OrderApp"] | null;
            /**
             * Format: uri
             * @description Where the user confirms and pays (a host page); send the user there
             */
            confirmUrl: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @description A paid order whose delivery the app has not confirmed by then is refunded
             */
            deliveryDueAt: string | null;
            /**
             * Format: date-time
             * @description An order unpaid by then expires
             */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            item: components["schemas"]["OrderItem"];
            /** Format: date-time */
            paidAt: string | null;
            /** @description In coins */
            price: number;
            /** Format: date-time */
            refundedAt: string | null;
            /**
             * @description pending → paid → delivered; pending → cancelled (by the user) or expired (unpaid in time); paid → refunded (the app did not confirm delivery in time)
             * @enum {string}
             */
            status: "pending" | "paid" | "delivered" | "cancelled" | "expired" | "refunded";
            /** Format: date-time */
            updatedAt: string;
        };
        MyOrderPage: {
            /** @description Newest first */
            items: components["schemas"]["MyOrder"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        NotificationPage: {
            items: components["schemas"]["NotificationResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        NotificationResponse: {
            /** @description Who did it; null when the platform tells (decisions about my apps) */
            actor: components["schemas"]["UserSummary"] | null;
            /** @description The app that sent it, or that an admin decided about (app kinds only) */
            app: components["schemas"]["PostApp"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "friend_request_received" | "friend_request_accepted" | "comment" | "reply" | "like" | "board_message" | "app_invite" | "app_message" | "gift_received" | "gift_thanked" | "order_refunded" | "app_version_approved" | "app_version_rejected" | "app_suspended" | "app_reinstated";
            /** @description Where an app message leads (https) */
            link: string | null;
            /**
             * Format: uuid
             * @description The photo a comment, reply or like is on
             */
            photoId: string | null;
            /**
             * Format: uuid
             * @description The post a comment, reply or like is on
             */
            postId: string | null;
            read: boolean;
            /**
             * Format: uuid
             * @description The subject of subjectType
             */
            subjectId: string | null;
            /**
             * @description What subjectId names: a friend request, a comment (on postId or photoId), a post or photo (likes), a message on the recipient's own board, a gift, an order, or an app (invites, app messages, and admins' decisions about the recipient's own app)
             * @enum {string}
             */
            subjectType: "friend_request" | "comment" | "post" | "photo" | "board_message" | "gift" | "order" | "app";
            /** @description What the app wrote: its message, a gift's name, the thanks (app kinds only); for decisions about the recipient's app, the admin's reason */
            text: string | null;
            /** @description The version of the app (subjectId) an approval or rejection was about */
            versionNumber: number | null;
        };
        OpenOrder: {
            /** @description The buyer’s openid for this app */
            buyer: string;
            /**
             * Format: uri
             * @description Where the user confirms and pays (a host page); send the user there
             */
            confirmUrl: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @description A paid order whose delivery the app has not confirmed by then is refunded
             */
            deliveryDueAt: string | null;
            /**
             * Format: date-time
             * @description An order unpaid by then expires
             */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            item: components["schemas"]["OrderItem"];
            metadata: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            paidAt: string | null;
            /** @description The platform's coins of the price (30 %, rounded up); the developer gets the rest on delivery */
            platformShare: number;
            /** @description In coins */
            price: number;
            /** Format: date-time */
            refundedAt: string | null;
            /**
             * @description pending → paid → delivered; pending → cancelled (by the user) or expired (unpaid in time); paid → refunded (the app did not confirm delivery in time)
             * @enum {string}
             */
            status: "pending" | "paid" | "delivered" | "cancelled" | "expired" | "refunded";
            /** Format: date-time */
            updatedAt: string;
        };
        OperationUsageResponse: {
            /** @description Every call made with a valid token, whatever the answer */
            calls: number;
            /** @description Calls answered 4xx, apart from 429 */
            clientErrors: number;
            /**
             * Format: date
             * @description The UTC day
             */
            day: string;
            /** @description The operation id in openapi/open-platform.json, e.g. getMe */
            operation: string;
            /** @description Calls answered 429: a rate limit or quota was spent */
            rateLimited: number;
            /** @description Calls answered 5xx */
            serverErrors: number;
        };
        OptionalReasonRequest: {
            /** @description Recorded with the decision */
            reason?: string;
        };
        OrderApp: {
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            name: string;
        };
        OrderItem: {
            description: string | null;
            name: string;
            sku: string;
        };
        OrderTotals: {
            cancelled: number;
            delivered: number;
            /** @description Coins of delivered orders */
            deliveredCoins: number;
            /** @description What the developer earned from delivered orders */
            developerCoins: number;
            /** @description Coins of paid orders awaiting delivery (in escrow) */
            escrowCoins: number;
            expired: number;
            paid: number;
            pending: number;
            /** @description The platform’s share of delivered orders */
            platformCoins: number;
            refunded: number;
        };
        OriginalPostResponse: {
            /** @description Stories: the app that posted it */
            app: components["schemas"]["PostApp"] | null;
            author: components["schemas"]["UserSummary"];
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description Stories: an image the app attached */
            imageUrl: string | null;
            /** @enum {string} */
            kind: "mood" | "blog" | "story";
            /** @description Stories: a link the app attached */
            linkUrl: string | null;
            title: string | null;
        };
        PersonPage: {
            items: components["schemas"]["PersonResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        PersonResponse: {
            avatarUrl: string | null;
            /**
             * Format: uuid
             * @description The pending friend request with requestSent or requestReceived (to cancel or answer it)
             */
            friendRequestId: string | null;
            /** Format: uuid */
            id: string;
            nickname: string;
            /**
             * @description The viewer to this person: themselves, a friend, a pending request sent or received, someone the viewer blocked (only by username lookup: search leaves them out), or none of these (always for anonymous visitors)
             * @enum {string}
             */
            relationship: "self" | "friend" | "requestSent" | "requestReceived" | "blocking" | "none";
            username: string;
        };
        PhotoCommentPage: {
            items: components["schemas"]["PhotoCommentResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        PhotoCommentResponse: {
            author: components["schemas"]["UserSummary"];
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description Shown to the author only, while not published */
            moderation?: components["schemas"]["ModerationStatus"];
            /** Format: uuid */
            parentId: string | null;
            /** Format: uuid */
            photoId: string;
        };
        PhotoPage: {
            items: components["schemas"]["PhotoResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        PhotoResponse: {
            /** Format: uuid */
            albumId: string | null;
            /** @description Storage the three files use (counted against the quota) */
            bytes: number;
            commentCount: number;
            /** Format: date-time */
            createdAt: string;
            description: string;
            /**
             * @description Recognised from the content
             * @enum {string}
             */
            format: "jpeg" | "png" | "webp" | "gif";
            height: number;
            /** Format: uuid */
            id: string;
            likeCount: number;
            likedByMe: boolean;
            /** @description Shown to the owner only, while not published */
            moderation?: components["schemas"]["ModerationStatus"];
            originalUrl: string;
            /** Format: uuid */
            ownerId: string;
            /**
             * Format: uuid
             * @description The mood it is on
             */
            postId: string | null;
            /** @description Checked route; the session cookie works for <img> */
            thumbUrl: string;
            title: string;
            webUrl: string;
            width: number;
        };
        PluginFailureResponse: {
            /** Format: date-time */
            at: string;
            /** @description What went wrong, e.g. "timed out: did not finish within 5000 ms" */
            error: string;
        };
        PluginListResponse: {
            items: components["schemas"]["PluginStatusResponse"][];
        };
        PluginStatusResponse: {
            /**
             * Format: uuid
             * @description The app the plugin is registered as
             */
            appId: string;
            /** @description Failed calls since the last success */
            consecutiveFailures: number;
            /**
             * Format: date-time
             * @description When the breaker tripped or an admin disabled it
             */
            disabledAt: string | null;
            /** @enum {string|null} */
            disabledBy: "breaker" | "admin" | null;
            /** @description The failure that tripped the breaker, or the admin's reason */
            disabledReason: string | null;
            /** @example polls */
            id: string;
            lastError: string | null;
            /** Format: date-time */
            lastFailureAt: string | null;
            name: string;
            /** @description Newest first */
            recentFailures: components["schemas"]["PluginFailureResponse"][];
            /** @enum {string} */
            status: "enabled" | "disabled";
            /** @example 1.0.0 */
            version: string;
        };
        PostApp: {
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            name: string;
        };
        PostPage: {
            items: components["schemas"]["PostResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        PostPhotoResponse: {
            height: number;
            /** Format: uuid */
            id: string;
            /** @description Full size, metadata stripped */
            originalUrl: string;
            /** @description Thumbnail (checked route; the session cookie works for <img>) */
            thumbUrl: string;
            /** @description Web-size copy */
            webUrl: string;
            width: number;
        };
        PostResponse: {
            /** @description Stories: the app that posted it (null for other posts, or once the app is deleted) */
            app: components["schemas"]["PostApp"] | null;
            author: components["schemas"]["UserSummary"];
            /** @description Mood or story text, sanitized blog HTML, or the repost comment */
            body: string;
            commentCount: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Chosen groups; shown to the author only */
            groupIds?: string[];
            /** Format: uuid */
            id: string;
            /** @description Stories: an https image the app attached */
            imageUrl: string | null;
            /**
             * @description A story is posted by an app for its user
             * @enum {string}
             */
            kind: "mood" | "blog" | "repost" | "story";
            likeCount: number;
            likedByMe: boolean;
            /** @description Stories: an https link the app attached */
            linkUrl: string | null;
            /** @description Shown to the author only, while the post is not published */
            moderation?: components["schemas"]["ModerationStatus"];
            /** @description For reposts: the original, if the viewer may see it */
            original: components["schemas"]["OriginalPostResponse"] | null;
            /** @description For reposts: the original was deleted or is not visible to the viewer */
            originalUnavailable: boolean;
            /** @description A mood's photos (up to 9), in upload order */
            photos: components["schemas"]["PostPhotoResponse"][];
            /** @enum {string} */
            privacy: "public" | "friends" | "groups" | "private";
            /** @description Reposts the viewer may see */
            repostCount: number;
            /** @description Blogs only */
            title: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        Problem: {
            /** @description Stable machine-readable error code */
            code: string;
            detail?: string;
            errors?: components["schemas"]["ProblemFieldError"][];
            instance?: string;
            status: number;
            title: string;
            /** @example urn:kongjian:problem:not_found */
            type: string;
        };
        ProblemFieldError: {
            field: string;
            message: string;
        };
        RateLimitBudgetResponse: {
            /** @description What is left of the app's requests in the current window: the counter that enforces the limit, shared by every host instance through Redis */
            appRequestsLeft: number;
            /** @description Requests the app may make per window, over all its tokens */
            appRequestsPerWindow: number;
            /** @description Seconds until the current window ends and the counts start again */
            resetSeconds: number;
            /** @description Requests one access token (one user) may make per window */
            tokenRequestsPerWindow: number;
            /** @description Requests are counted in fixed windows of this many seconds */
            windowSeconds: number;
        };
        RatingRequest: {
            stars: number;
        };
        RatingSummary: {
            /** @description Average stars, one decimal; null before any rating */
            average: number | null;
            count: number;
        };
        ReadinessChecksResponse: {
            /**
             * @description The database answers `select 1`
             * @enum {string}
             */
            database: "ok" | "failing" | "pending";
            /**
             * @description Every migration has run
             * @enum {string}
             */
            migrations: "ok" | "failing" | "pending";
            /**
             * @description The plugin workers have started
             * @enum {string}
             */
            plugins: "ok" | "failing" | "pending";
            /**
             * @description Redis answers PING (only with REDIS_URL)
             * @enum {string}
             */
            redis?: "ok" | "failing" | "pending";
        };
        ReadinessResponse: {
            checks: components["schemas"]["ReadinessChecksResponse"];
            /** @enum {string} */
            status: "ready";
        };
        ReasonRequest: {
            /** @description Recorded with the decision and shown to the author */
            reason: string;
        };
        RegisterRequest: {
            password: string;
            /** @example xiaoming */
            username: string;
        };
        ReportResponse: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            reason: string;
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectType: "post" | "comment" | "photo";
        };
        ScopeListChange: {
            added: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
            removed: ("profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send")[];
        };
        ScopeResponse: {
            /** @description What the scope lets the app do, in plain words */
            description: string;
            /** @enum {string} */
            scope: "profile:read" | "friends:read" | "feed:write" | "storage" | "gifts:send" | "coins:charge" | "notifications:send" | "invites:send";
        };
        SendFriendRequestRequest: {
            /** @description A short note shown with the request */
            note?: string;
            /**
             * Format: uuid
             * @description Who to befriend
             */
            userId: string;
        };
        SessionListResponse: {
            items: components["schemas"]["SessionResponse"][];
        };
        SessionResponse: {
            /** Format: date-time */
            createdAt: string;
            /** @description True for the session making this request */
            current: boolean;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            ip: string | null;
            /** Format: date-time */
            lastUsedAt: string;
            userAgent: string | null;
        };
        SetRolesRequest: {
            /** @description Everyone keeps the user role */
            roles: ("user" | "developer" | "admin")[];
        };
        ShopItemList: {
            items: components["schemas"]["ShopItemResponse"][];
        };
        ShopItemResponse: {
            /** @description For themes and skins, the themeId to apply to a space */
            code: string;
            description: string;
            /** Format: uuid */
            id: string;
            /**
             * @description Themes and skins both dress the space (its themeId)
             * @enum {string}
             */
            kind: "theme" | "skin" | "music";
            /** @description For music */
            musicUrl: string | null;
            name: string;
            /** @description Whether I own it */
            owned: boolean;
            /** @description Coins; 0 is free */
            price: number;
            /** @description Only yellow-diamond members may buy and use it */
            vipOnly: boolean;
        };
        SignedInResponse: {
            account: components["schemas"]["AccountResponse"];
            session: components["schemas"]["SessionResponse"];
            /** @description The session token: also set as an httpOnly cookie; send it as a Bearer token from scripts */
            token: string;
        };
        SpaceDecorationResponse: {
            /** @enum {string} */
            boardAccess: "friends" | "everyone";
            /** @description Shown blocks, in order */
            modules: ("profile" | "moods" | "blogs" | "messageBoard" | "visitors" | "friends")[];
            musicUrl: string | null;
            /** @description The theme (skin) id */
            themeId: string;
        };
        SpaceProfileResponse: {
            avatarUrl: string | null;
            /** Format: date */
            birthday: string | null;
            /** @enum {string} */
            gender: "unspecified" | "male" | "female" | "other";
            location: string | null;
            nickname: string;
            signature: string | null;
        };
        SpaceResponse: {
            /** @description Whether the viewer may read the message board */
            canReadBoard: boolean;
            /** @description Whether the viewer may leave a message */
            canWriteBoard: boolean;
            decoration: components["schemas"]["SpaceDecorationResponse"];
            /**
             * Format: uuid
             * @description The owner's user id
             */
            id: string;
            /** @description The owner's level from activity points */
            level: components["schemas"]["LevelBadge"];
            /** @description Posts of the owner the viewer may see */
            postCount: number;
            profile: components["schemas"]["SpaceProfileResponse"];
            /**
             * @description The viewer to the owner: the owner, a friend, nobody in particular, blocked by the owner, or blocking the owner; null when signed out
             * @enum {string|null}
             */
            relationship: "self" | "friend" | "none" | "blocked" | "blocking" | null;
            username: string;
            /** @description The owner's yellow-diamond badge; null if they were never a member */
            vip: components["schemas"]["VipBadge"] | null;
            /** @description Visits recorded, one per visitor per UTC day */
            visitorCount: number;
            /** @description Visitors today (UTC) */
            visitorsToday: number;
        };
        SpaceVisitorPage: {
            items: components["schemas"]["SpaceVisitorResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        SpaceVisitorResponse: {
            /**
             * Format: date-time
             * @description The latest visit of that UTC day
             */
            visitedAt: string;
            visitor: components["schemas"]["UserSummary"];
        };
        StorageUsageResponse: {
            /** @description Bytes I may use, by VIP level */
            quotaBytes: number;
            /** @description Bytes my photos use */
            usedBytes: number;
        };
        StringListChange: {
            added: string[];
            removed: string[];
        };
        SubmitVersionRequest: {
            /** @description For the reviewer: what changed and why, how to try it (trimmed; blank is no note) */
            note?: string;
        };
        SubmittedVersionListResponse: {
            items: components["schemas"]["SubmittedVersionResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        SubmittedVersionResponse: {
            app: components["schemas"]["AppResponse"];
            version: components["schemas"]["AppVersionResponse"];
        };
        SuspendUserRequest: {
            /** @description Why: for admins and the audit log (the user is told only that the account is suspended) */
            reason: string;
        };
        TesterListResponse: {
            items: components["schemas"]["TesterResponse"][];
        };
        TesterResponse: {
            /** Format: date-time */
            addedAt: string;
            user: components["schemas"]["UserSummary"];
        };
        TextCheckResponse: {
            /**
             * @description What posting it would do: block (refused), hold (author-only until reviewed), flag (published and queued), or null (published)
             * @enum {string|null}
             */
            action: "block" | "hold" | "flag" | null;
            /** @description The phrases of the rules that match */
            keywords: string[];
        };
        UnhealthyWebhookListResponse: {
            items: components["schemas"]["UnhealthyWebhookResponse"][];
        };
        UnhealthyWebhookResponse: {
            /** Format: uuid */
            appId: string;
            /** @description Why the latest event that gave up failed its last attempt */
            lastError: string | null;
            name: string;
            /** Format: uuid */
            ownerId: string;
            /** @description Events that gave up in the last day */
            recentFailures: number;
            /** Format: date-time */
            unhealthySince: string;
            webhookUrl: string | null;
        };
        UnreadCountResponse: {
            count: number;
        };
        UnsuspendUserRequest: {
            /** @description Recorded in the audit log */
            reason?: string;
        };
        UpdateAccountSettingsRequest: {
            /** @description My friend groups that may see it; required for and only allowed with "groups" */
            defaultGroupIds?: string[];
            /**
             * @description The audience preselected for my new posts
             * @enum {string}
             */
            defaultPrivacy: "public" | "friends" | "groups" | "private";
        };
        UpdateAlbumRequest: {
            /**
             * Format: uuid
             * @description A photo of this album; null shows the newest photo
             */
            coverPhotoId?: string | null;
            description?: string;
            groupIds?: string[];
            /** @enum {string} */
            privacy?: "public" | "friends" | "groups" | "private";
            title?: string;
        };
        UpdateKeywordRuleRequest: {
            /** @enum {string} */
            action: "block" | "hold" | "flag";
        };
        UpdatePhotoRequest: {
            description?: string;
            title?: string;
        };
        UpdatePostRequest: {
            /** @description Blogs only */
            body?: string;
            groupIds?: string[];
            /** @enum {string} */
            privacy?: "public" | "friends" | "groups" | "private";
            /** @description Moods and reposts */
            text?: string;
            /** @description Blogs only */
            title?: string;
        };
        UpdateSpaceDecorationRequest: {
            /**
             * @description Who may read and write on the message board
             * @enum {string}
             */
            boardAccess?: "friends" | "everyone";
            /** @description The blocks the space page shows, in this order; blocks left out are hidden */
            modules?: ("profile" | "moods" | "blogs" | "messageBoard" | "visitors" | "friends")[];
            /**
             * Format: uuid
             * @description A music item of the shop to play (instead of musicUrl)
             */
            musicItemId?: string;
            /**
             * Format: uri
             * @description Background music (http or https)
             */
            musicUrl?: string | null;
            /**
             * @description The theme (skin) of the space: a free theme (classic, sakura, starry-night, bamboo, ocean) or a theme or skin of the shop that I may use (owned; VIP-only ones need a running yellow diamond)
             * @example sakura
             */
            themeId?: string;
        };
        UpdateSpaceProfileRequest: {
            /**
             * Format: uri
             * @description Head portrait (http or https)
             */
            avatarUrl?: string | null;
            /**
             * Format: date
             * @description A calendar date (YYYY-MM-DD), from 1900-01-01 to today
             * @example 1999-12-31
             */
            birthday?: string | null;
            /** @enum {string} */
            gender?: "unspecified" | "male" | "female" | "other";
            location?: string | null;
            /** @description Shown instead of the username */
            nickname?: string;
            /** @description The one-line signature */
            signature?: string | null;
        };
        UsageCountsResponse: {
            /** @description Every call made with a valid token, whatever the answer */
            calls: number;
            /** @description Calls answered 4xx, apart from 429 */
            clientErrors: number;
            /** @description Calls answered 429: a rate limit or quota was spent */
            rateLimited: number;
            /** @description Calls answered 5xx */
            serverErrors: number;
        };
        UserSummary: {
            avatarUrl: string | null;
            /** Format: uuid */
            id: string;
            nickname: string;
            username: string;
        };
        UserSuspension: {
            reason: string;
            /** Format: date-time */
            suspendedAt: string;
            /** @description The admin; null if the account is gone */
            suspendedBy: components["schemas"]["UserSummary"] | null;
        };
        ValueChangeResponse: {
            from: string | null;
            to: string | null;
        };
        VersionDiffResponse: {
            /** @description The published version compared against; null while nothing is published (everything is added) */
            baseVersion: number | null;
            /** @description null: unchanged */
            canvasUrl: components["schemas"]["ValueChangeResponse"] | null;
            events: components["schemas"]["EventListChange"];
            /** @description How the listing now differs from when the published version was published (listings change at once, without review, so this is the same for every version) */
            listing: components["schemas"]["ListingChangeResponse"][];
            /** @description Scopes a user may untick */
            optionalScopes: components["schemas"]["ScopeListChange"];
            redirectUris: components["schemas"]["StringListChange"];
            /** @description Scopes every user must grant; a scope that became optional is removed here and added there */
            requiredScopes: components["schemas"]["ScopeListChange"];
            /** @description null: unchanged */
            versionName: components["schemas"]["ValueChangeResponse"] | null;
            /** @description null: unchanged */
            webhookUrl: components["schemas"]["ValueChangeResponse"] | null;
        };
        VipBadge: {
            /** @description Whether the membership is running now */
            active: boolean;
            /** Format: date-time */
            expiresAt: string;
            /** @description Yellow-diamond level */
            level: number;
        };
        VipPurchaseRequest: {
            /**
             * @description Chosen by the client, unique per request of this user (a UUID works). Sending the same request again with the same key returns the first result and moves no coins; the same key with a different request is refused (409).
             * @example 0b8f9a52-2f7c-4a53-9f0e-6a3c1d2e4f50
             */
            idempotencyKey: string;
            /** @description Months to buy */
            months: number;
        };
        VipPurchaseResponse: {
            /** @description The membership right after the purchase */
            membership: components["schemas"]["VipBadge"];
            months: number;
            transaction: components["schemas"]["CoinTransactionResponse"];
        };
        VipResponse: {
            /** @description Months of continuous membership served (the running month counts) */
            continuousMonths: number;
            /** @description Null for someone who was never a member */
            membership: components["schemas"]["VipBadge"] | null;
            /** @description Coins per month */
            pricePerMonth: number;
            /**
             * Format: date-time
             * @description Start of the current run of continuous membership
             */
            since: string | null;
            /** @description Album storage this user has now */
            storageQuotaBytes: number;
        };
        WalletEntryResponse: {
            /** @description Coins in (positive) or out (negative) of my wallet */
            amount: number;
            /** @description The other user, if any */
            counterparty: components["schemas"]["UserSummary"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "grant" | "transfer" | "vip_purchase" | "item_purchase" | "order_payment" | "order_delivery" | "order_refund";
            memo: string | null;
            /** Format: uuid */
            transactionId: string;
        };
        WalletResponse: {
            /** @description Coins, the sum of my ledger entries */
            balance: number;
            /** @description My ledger entries, newest first */
            items: components["schemas"]["WalletEntryResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        WebhookDeliveryPage: {
            /** @description Newest first */
            items: components["schemas"]["WebhookDeliveryResponse"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
        };
        WebhookDeliveryResponse: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /**
             * Format: uuid
             * @description The event id, sent as Kongjian-Event-Id on every attempt (and redelivery); names the delivery
             */
            eventId: string;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /** @description Why the last attempt failed */
            lastError: string | null;
            /** @description The start of the receiver's last answer (at most 500 characters) */
            lastResponseExcerpt: string | null;
            /** @description The HTTP status the receiver answered the last attempt with; null when it did not answer */
            lastStatusCode: number | null;
            /**
             * Format: date-time
             * @description Set while pending
             */
            nextAttemptAt: string | null;
            /**
             * @description pending: not yet delivered, retried with backoff; delivered: a receiver answered 2xx; failed: gave up after a day of retries; undeliverable: the app had no webhook URL
             * @enum {string}
             */
            status: "pending" | "delivered" | "failed" | "undeliverable";
            /**
             * @description webhook.test: a test event I sent
             * @enum {string}
             */
            type: "app.installed" | "app.uninstalled" | "app.deauthorized" | "post.created" | "post.held" | "post.removed" | "friend.added" | "gift.received" | "order.paid" | "order.refunded" | "app.reminder" | "app.invited" | "invite.accepted" | "webhook.test";
        };
        WebhookResponse: {
            /** @description The latest events, newest first */
            deliveries: components["schemas"]["WebhookDeliveryResponse"][];
            /**
             * @description unhealthy: an event failed after a day of retries, and no delivery succeeded since
             * @enum {string}
             */
            health: "healthy" | "unhealthy";
            /** @description Signs every webhook (Kongjian-Signature); verify it with the SDK */
            secret: string;
            /** Format: date-time */
            unhealthySince: string | null;
            /** @description The app's webhook URL; null: events are not sent */
            url: string | null;
        };
        WebhookSecretResponse: {
            /** @description The new signing secret; webhooks sent from now on are signed with it */
            secret: string;
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
    getMyAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current password is wrong (`wrong_password`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong passwords for this account or address; try again later */
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
    updateAccountSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountSettingsRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedInResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    listSubmittedAppVersions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmittedVersionListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAppsForReview: {
        parameters: {
            query?: {
                status?: "development" | "published" | "suspended";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAppForReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    reinstateApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalReasonRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    suspendApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    approveAppVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalReasonRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    diffAppVersionForReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDiffResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    rejectAppVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    listAuditLog: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                /** @description Only actions of this admin */
                actorId?: string;
                action?: "app_version.approve" | "app_version.reject" | "app.suspend" | "app.reinstate" | "moderation.approve" | "moderation.reject" | "moderation.unpublish" | "moderation.dismiss" | "keyword_rule.create" | "keyword_rule.update" | "keyword_rule.delete" | "coins.grant" | "user.roles_set" | "user.suspend" | "user.unsuspend" | "plugin.enable" | "plugin.disable";
                subjectType?: "user" | "app" | "plugin" | "keyword_rule" | "post" | "comment" | "board_message" | "album" | "photo";
                /** @description Only actions on this subject (an id, or a plugin name) */
                subjectId?: string;
                /** @description Only actions at or after this time */
                from?: string;
                /** @description Only actions before this time */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listModerationCases: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                status?: "open" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationCasePage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listModerationDecisions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                subjectType?: "post" | "comment" | "board_message" | "album" | "photo";
                subjectId?: string;
                /** @description Only decisions of this kind */
                action?: "approve" | "reject" | "unpublish" | "dismiss";
                /** @description Only decisions of this admin */
                adminId?: string;
                /** @description Only decisions at or after this time */
                from?: string;
                /** @description Only decisions before this time */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationDecisionPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPhotoFileForReview: {
        parameters: {
            query?: {
                size?: "thumb" | "web";
            };
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description Done
             *
             *     The image; Content-Type from its recognised format
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/gif": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listKeywordRules: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeywordRulePage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createKeywordRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKeywordRuleRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeywordRuleResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    checkTextAgainstRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckTextRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextCheckResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteKeywordRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    updateKeywordRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateKeywordRuleRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeywordRuleResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    approveContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
                /** @description The kind of content */
                subjectType: "post" | "comment" | "board_message" | "album" | "photo";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalReasonRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationDecisionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    dismissModerationCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
                /** @description The kind of content */
                subjectType: "post" | "comment" | "board_message" | "album" | "photo";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalReasonRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationDecisionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    rejectContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
                /** @description The kind of content */
                subjectType: "post" | "comment" | "board_message" | "album" | "photo";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationDecisionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    unpublishContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
                /** @description The kind of content */
                subjectType: "post" | "comment" | "board_message" | "album" | "photo";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationDecisionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    listPlugins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disablePlugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pluginId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisablePluginRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginStatusResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    enablePlugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pluginId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginStatusResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listUsersForAdmin: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                /** @description Text to find in usernames and nicknames (case-insensitive); surrounding spaces are ignored and at least one other character is needed */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUserForAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    grantCoins: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoinGrantRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoinTransactionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    setUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRolesRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserResponse"];
                };
            };
            /** @description Not valid, or my own admin role left out (`cannot_remove_own_admin`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The platform's own account, which owns the built-in apps (`platform_account`) */
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
    suspendUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspendUserRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already suspended (`already_suspended`), my own account (`cannot_target_self`), or the platform's own account, which owns the built-in apps (`platform_account`) */
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
    unsuspendUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnsuspendUserRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not suspended (`not_suspended`) */
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
    listUnhealthyWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnhealthyWebhookListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAlbum: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAlbumRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlbumResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAlbum: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                albumId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlbumResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    deleteAlbum: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                albumId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    updateAlbum: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                albumId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAlbumRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlbumResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAlbumPhotos: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                albumId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    uploadPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                albumId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    description?: string;
                    /**
                     * Format: binary
                     * @description A JPEG, PNG, WebP or GIF image of at most 20971520 bytes and 100000000 pixels
                     */
                    file: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    browseAppCenter: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                category?: "games" | "social" | "tools" | "lifestyle" | "entertainment" | "education";
                /** @description Part of the name, any letter case */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppCenterPageResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAppCenterApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppCenterDetailResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    getAppIcon: {
        parameters: {
            query?: {
                /** @description Which upload the URL names; a new upload gives the icon a new URL */
                v?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description Done
             *
             *     The icon, a square WebP
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    installApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppCenterDetailResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    uninstallApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listFriendsToInvite: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendsToInvitePage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    inviteToApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts */
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
    launchApp: {
        parameters: {
            query?: {
                /** @description Open this version's canvas instead of the one users have: for the app's developer, its testers and reviewers (admins), to try a version before it is published */
                version?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaunchResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The app is not installed, or a version was asked for by someone who does not test the app */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    rateApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppCenterDetailResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    callPluginRouteGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pluginId: unknown;
                /** @description The rest of the path, matched against the manifest routes */
                path: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The handler's body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler answered without a body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The user has not installed the plugin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plugin, or no such route in its manifest */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the plugin limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The plugin failed: it timed out, ran out of memory, crashed or returned an invalid result */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The circuit breaker disabled the plugin after repeated failures (plugin_disabled), or another call of the plugin timed out while this one ran, or this one waited too long behind others (plugin_unavailable, with Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying (plugin_unavailable) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem the plugin answered with */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callPluginRoutePut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pluginId: unknown;
                /** @description The rest of the path, matched against the manifest routes */
                path: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The handler's body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler answered without a body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The user has not installed the plugin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plugin, or no such route in its manifest */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the plugin limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The plugin failed: it timed out, ran out of memory, crashed or returned an invalid result */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The circuit breaker disabled the plugin after repeated failures (plugin_disabled), or another call of the plugin timed out while this one ran, or this one waited too long behind others (plugin_unavailable, with Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying (plugin_unavailable) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem the plugin answered with */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callPluginRoutePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pluginId: unknown;
                /** @description The rest of the path, matched against the manifest routes */
                path: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The handler's body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler answered without a body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The user has not installed the plugin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plugin, or no such route in its manifest */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the plugin limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The plugin failed: it timed out, ran out of memory, crashed or returned an invalid result */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The circuit breaker disabled the plugin after repeated failures (plugin_disabled), or another call of the plugin timed out while this one ran, or this one waited too long behind others (plugin_unavailable, with Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying (plugin_unavailable) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem the plugin answered with */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callPluginRouteDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pluginId: unknown;
                /** @description The rest of the path, matched against the manifest routes */
                path: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The handler's body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler answered without a body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The user has not installed the plugin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plugin, or no such route in its manifest */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the plugin limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The plugin failed: it timed out, ran out of memory, crashed or returned an invalid result */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The circuit breaker disabled the plugin after repeated failures (plugin_disabled), or another call of the plugin timed out while this one ran, or this one waited too long behind others (plugin_unavailable, with Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying (plugin_unavailable) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem the plugin answered with */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callPluginRoutePatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pluginId: unknown;
                /** @description The rest of the path, matched against the manifest routes */
                path: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The handler's body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler's body */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The handler answered without a body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The user has not installed the plugin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plugin, or no such route in its manifest */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is over the plugin limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The plugin failed: it timed out, ran out of memory, crashed or returned an invalid result */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The circuit breaker disabled the plugin after repeated failures (plugin_disabled), or another call of the plugin timed out while this one ran, or this one waited too long behind others (plugin_unavailable, with Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying (plugin_unavailable) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A problem the plugin answered with */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBlocks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockList"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    blockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    unblockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    createBlog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBlogRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAppRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedAppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    getMyApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    updateMyApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppListingRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    deleteMyApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    uploadMyAppIcon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description A JPEG, PNG, WebP or GIF image of at most 5242880 bytes and 100000000 pixels
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAppOrders: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeveloperOrderPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    rotateAppSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientSecretResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    listAppTesters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TesterListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    addAppTesterByUsername: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddTesterRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TesterResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such app of mine (not_found), or nobody has the username (unknown_username) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    addAppTester: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    removeAppTester: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    getMyAppUsage: {
        parameters: {
            query?: {
                /** @description How many UTC days, up to and including today */
                days?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppUsageResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listMyAppVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppVersionListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    createAppVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppManifestRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppVersionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    editAppVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditAppVersionRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppVersionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    diffMyAppVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDiffResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    publishAppVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppVersionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    submitAppVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitVersionRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppVersionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    getAppWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listAppWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                /** @description Only deliveries in this state */
                status?: "pending" | "delivered" | "failed" | "undeliverable";
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    redeliverAppWebhookEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The event is still being delivered (delivery_pending) */
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
    rotateAppWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    sendAppWebhookTestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The app has no webhook URL (webhook_missing), or a test event is still on its way (delivery_pending) */
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
    registerAsDeveloper: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFeed: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFriendGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendGroupList"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createFriendGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FriendGroupNameRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendGroupResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    deleteFriendGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    renameFriendGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FriendGroupNameRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendGroupResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    addFriendGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    removeFriendGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listFriendRequests: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                direction?: "incoming" | "outgoing";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendRequestPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendFriendRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendFriendRequestRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendRequestResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    acceptFriendRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendRequestResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    cancelFriendRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendRequestResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    declineFriendRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendRequestResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    listFriends: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FriendPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeFriend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not ready (starting, a failing check, or shutting down); the detail says why */
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
    listInventory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyLevel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LevelResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyInstalledApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledAppListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuthorizedApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizedAppListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeAppAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    hideGift: {
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
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listMyOrders: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyOrderPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyOrder"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    cancelMyOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyOrder"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    payMyOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyOrder"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    getMyStorage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUsageResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMood: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMoodRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                /** @description Only unread notifications */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkReadResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-sent events: `event: unread` with `data: {"count": N}` on connecting and whenever my unread count changes, and a comment line (`: heartbeat`) every 25 seconds. The stream ends when the session does (noticed at the next heartbeat at the latest). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadMoodPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    description?: string;
                    /**
                     * Format: binary
                     * @description A JPEG, PNG, WebP or GIF image of at most 20971520 bytes and 100000000 pixels
                     */
                    file: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    deletePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    updatePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePhotoRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPhotoComments: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoCommentPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    createPhotoComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommentRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoCommentResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePhotoComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photoId: string;
                commentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    getPhotoFile: {
        parameters: {
            query?: {
                size?: "thumb" | "web" | "original";
            };
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description Done
             *
             *     The image; Content-Type from its recognised format
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/gif": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    likePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LikeResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    unlikePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LikeResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    getPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    deletePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    updatePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePostRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listComments: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    createComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommentRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
                commentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    likePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LikeResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    unlikePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LikeResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    repost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRepostRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportContent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedInResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong username or password (`invalid_credentials`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account is suspended (`account_suspended`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts */
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
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listShopItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopItemList"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    purchaseShopItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemPurchaseRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemPurchaseResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    updateSpaceDecoration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSpaceDecorationRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpaceDecorationResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSpaceProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSpaceProfileRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpaceProfileResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSpace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpaceResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listGiftWall: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GiftWallPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listBoardMessages: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardMessagePage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    createBoardMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBoardMessageRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardMessageResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The content cannot be published */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteBoardMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listSpaceVisitors: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpaceVisitorPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    searchUsers: {
        parameters: {
            query: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                /** @description Text to find in usernames and nicknames (case-insensitive); surrounding spaces are ignored and at least one other character is needed */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUserByUsername: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listUserAlbums: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlbumPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    listUserPosts: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                kind?: "mood" | "blog" | "repost" | "story";
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostPage"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
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
    getMyVip: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VipResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    purchaseVip: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VipPurchaseRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VipPurchaseResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
    getWallet: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WalletResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transferCoins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoinTransferRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoinTransactionResponse"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the viewer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
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
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsAdminAppsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/apps"]["get"]["parameters"]["query"]["status"]> = ["development", "published", "suspended"];
export const pathsAdminAuditLogGetParametersQueryActionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/audit-log"]["get"]["parameters"]["query"]["action"]> = ["app_version.approve", "app_version.reject", "app.suspend", "app.reinstate", "moderation.approve", "moderation.reject", "moderation.unpublish", "moderation.dismiss", "keyword_rule.create", "keyword_rule.update", "keyword_rule.delete", "coins.grant", "user.roles_set", "user.suspend", "user.unsuspend", "plugin.enable", "plugin.disable"];
export const pathsAdminAuditLogGetParametersQuerySubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/audit-log"]["get"]["parameters"]["query"]["subjectType"]> = ["user", "app", "plugin", "keyword_rule", "post", "comment", "board_message", "album", "photo"];
export const pathsAdminModerationCasesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/moderation/cases"]["get"]["parameters"]["query"]["status"]> = ["open", "closed"];
export const pathsAdminModerationDecisionsGetParametersQuerySubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/moderation/decisions"]["get"]["parameters"]["query"]["subjectType"]> = ["post", "comment", "board_message", "album", "photo"];
export const pathsAdminModerationDecisionsGetParametersQueryActionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/moderation/decisions"]["get"]["parameters"]["query"]["action"]> = ["approve", "reject", "unpublish", "dismiss"];
export const pathsAdminModerationPhotosPhotoIdFileGetParametersQuerySizeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/moderation/photos/{photoId}/file"]["get"]["parameters"]["query"]["size"]> = ["thumb", "web"];
export const pathsAdminModerationSubjectsSubjectTypeSubjectIdApprovePostParametersPathSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/moderation/subjects/{subjectType}/{subjectId}/approve"]["post"]["parameters"]["path"]["subjectType"]> = ["post", "comment", "board_message", "album", "photo"];
export const pathsAdminModerationSubjectsSubjectTypeSubjectIdDismissPostParametersPathSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/moderation/subjects/{subjectType}/{subjectId}/dismiss"]["post"]["parameters"]["path"]["subjectType"]> = ["post", "comment", "board_message", "album", "photo"];
export const pathsAdminModerationSubjectsSubjectTypeSubjectIdRejectPostParametersPathSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/moderation/subjects/{subjectType}/{subjectId}/reject"]["post"]["parameters"]["path"]["subjectType"]> = ["post", "comment", "board_message", "album", "photo"];
export const pathsAdminModerationSubjectsSubjectTypeSubjectIdUnpublishPostParametersPathSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/admin/moderation/subjects/{subjectType}/{subjectId}/unpublish"]["post"]["parameters"]["path"]["subjectType"]> = ["post", "comment", "board_message", "album", "photo"];
export const pathsAppCenterAppsGetParametersQueryCategoryValues: ReadonlyArray<FlattenedDeepRequired<paths>["/app-center/apps"]["get"]["parameters"]["query"]["category"]> = ["games", "social", "tools", "lifestyle", "entertainment", "education"];
export const pathsDeveloperAppsAppIdWebhookDeliveriesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/developer/apps/{appId}/webhook/deliveries"]["get"]["parameters"]["query"]["status"]> = ["pending", "delivered", "failed", "undeliverable"];
export const pathsFriendRequestsGetParametersQueryDirectionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/friend-requests"]["get"]["parameters"]["query"]["direction"]> = ["incoming", "outgoing"];
export const pathsNotificationsGetParametersQueryUnreadValues: ReadonlyArray<FlattenedDeepRequired<paths>["/notifications"]["get"]["parameters"]["query"]["unread"]> = ["true", "false"];
export const pathsPhotosPhotoIdFileGetParametersQuerySizeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/photos/{photoId}/file"]["get"]["parameters"]["query"]["size"]> = ["thumb", "web", "original"];
export const pathsUsersUserIdPostsGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/users/{userId}/posts"]["get"]["parameters"]["query"]["kind"]> = ["mood", "blog", "repost", "story"];
export const accountResponseDefaultPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AccountResponse"]["defaultPrivacy"]> = ["public", "friends", "groups", "private"];
export const accountResponseRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AccountResponse"]["roles"]> = ["user", "developer", "admin"];
export const activityTodayActivityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ActivityToday"]["activity"]> = ["login", "mood", "blog", "comment_received", "visitor"];
export const adminUserResponseRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AdminUserResponse"]["roles"]> = ["user", "developer", "admin"];
export const albumResponsePrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlbumResponse"]["privacy"]> = ["public", "friends", "groups", "private"];
export const appCenterAppResponseCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppCenterAppResponse"]["category"]> = ["games", "social", "tools", "lifestyle", "entertainment", "education"];
export const appCenterDetailResponseCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppCenterDetailResponse"]["category"]> = ["games", "social", "tools", "lifestyle", "entertainment", "education"];
export const appHistoryEntryResponseFromStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppHistoryEntryResponse"]["fromStatus"]> = ["draft", "submitted", "approved", "rejected", "published", "superseded", "development", "suspended"];
export const appHistoryEntryResponseToStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppHistoryEntryResponse"]["toStatus"]> = ["draft", "submitted", "approved", "rejected", "published", "superseded", "development", "suspended"];
export const appListingRequestCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppListingRequest"]["category"]> = ["games", "social", "tools", "lifestyle", "entertainment", "education"];
export const appManifestRequestEventsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppManifestRequest"]["events"]> = ["app.installed", "app.uninstalled", "app.deauthorized", "post.created", "post.held", "post.removed", "friend.added", "gift.received", "order.paid", "order.refunded", "app.reminder", "app.invited", "invite.accepted"];
export const appManifestRequestOptionalScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppManifestRequest"]["optionalScopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const appManifestRequestScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppManifestRequest"]["scopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const appManifestResponseEventsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppManifestResponse"]["events"]> = ["app.installed", "app.uninstalled", "app.deauthorized", "post.created", "post.held", "post.removed", "friend.added", "gift.received", "order.paid", "order.refunded", "app.reminder", "app.invited", "invite.accepted"];
export const appManifestResponseOptionalScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppManifestResponse"]["optionalScopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const appManifestResponseScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppManifestResponse"]["scopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const appResponseCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppResponse"]["category"]> = ["games", "social", "tools", "lifestyle", "entertainment", "education"];
export const appResponseClientTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppResponse"]["clientType"]> = ["confidential", "public"];
export const appResponseEventsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppResponse"]["events"]> = ["app.installed", "app.uninstalled", "app.deauthorized", "post.created", "post.held", "post.removed", "friend.added", "gift.received", "order.paid", "order.refunded", "app.reminder", "app.invited", "invite.accepted"];
export const appResponseOptionalScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppResponse"]["optionalScopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const appResponseScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppResponse"]["scopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const appResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppResponse"]["status"]> = ["development", "published", "suspended"];
export const appScopeResponseScopeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppScopeResponse"]["scope"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const appStatusChangeResponseFromStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppStatusChangeResponse"]["fromStatus"]> = ["draft", "submitted", "approved", "rejected", "published", "superseded", "development", "suspended"];
export const appStatusChangeResponseToStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppStatusChangeResponse"]["toStatus"]> = ["draft", "submitted", "approved", "rejected", "published", "superseded", "development", "suspended"];
export const appVersionResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AppVersionResponse"]["status"]> = ["draft", "submitted", "approved", "rejected", "published", "superseded"];
export const auditEntryResponseActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditEntryResponse"]["action"]> = ["app_version.approve", "app_version.reject", "app.suspend", "app.reinstate", "moderation.approve", "moderation.reject", "moderation.unpublish", "moderation.dismiss", "keyword_rule.create", "keyword_rule.update", "keyword_rule.delete", "coins.grant", "user.roles_set", "user.suspend", "user.unsuspend", "plugin.enable", "plugin.disable"];
export const auditEntryResponseSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditEntryResponse"]["subjectType"]> = ["user", "app", "plugin", "keyword_rule", "post", "comment", "board_message", "album", "photo"];
export const coinTransactionResponseKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CoinTransactionResponse"]["kind"]> = ["grant", "transfer", "vip_purchase", "item_purchase", "order_payment", "order_delivery", "order_refund"];
export const createAlbumRequestPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAlbumRequest"]["privacy"]> = ["public", "friends", "groups", "private"];
export const createAppRequestCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAppRequest"]["category"]> = ["games", "social", "tools", "lifestyle", "entertainment", "education"];
export const createAppRequestClientTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAppRequest"]["clientType"]> = ["confidential", "public"];
export const createAppRequestEventsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAppRequest"]["events"]> = ["app.installed", "app.uninstalled", "app.deauthorized", "post.created", "post.held", "post.removed", "friend.added", "gift.received", "order.paid", "order.refunded", "app.reminder", "app.invited", "invite.accepted"];
export const createAppRequestOptionalScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAppRequest"]["optionalScopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const createAppRequestScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAppRequest"]["scopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const createBlogRequestPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateBlogRequest"]["privacy"]> = ["public", "friends", "groups", "private"];
export const createKeywordRuleRequestActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateKeywordRuleRequest"]["action"]> = ["block", "hold", "flag"];
export const createMoodRequestPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateMoodRequest"]["privacy"]> = ["public", "friends", "groups", "private"];
export const createReportRequestSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateReportRequest"]["subjectType"]> = ["post", "comment", "photo"];
export const createRepostRequestPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateRepostRequest"]["privacy"]> = ["public", "friends", "groups", "private"];
export const databaseHealthResponseModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DatabaseHealthResponse"]["mode"]> = ["pglite", "postgresql"];
export const editAppVersionRequestEventsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EditAppVersionRequest"]["events"]> = ["app.installed", "app.uninstalled", "app.deauthorized", "post.created", "post.held", "post.removed", "friend.added", "gift.received", "order.paid", "order.refunded", "app.reminder", "app.invited", "invite.accepted"];
export const editAppVersionRequestOptionalScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EditAppVersionRequest"]["optionalScopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const editAppVersionRequestScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EditAppVersionRequest"]["scopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const eventListChangeAddedValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EventListChange"]["added"]> = ["app.installed", "app.uninstalled", "app.deauthorized", "post.created", "post.held", "post.removed", "friend.added", "gift.received", "order.paid", "order.refunded", "app.reminder", "app.invited", "invite.accepted"];
export const eventListChangeRemovedValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EventListChange"]["removed"]> = ["app.installed", "app.uninstalled", "app.deauthorized", "post.created", "post.held", "post.removed", "friend.added", "gift.received", "order.paid", "order.refunded", "app.reminder", "app.invited", "invite.accepted"];
export const feedItemResponseVerbValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FeedItemResponse"]["verb"]> = ["posted", "reposted", "commented"];
export const friendRequestResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FriendRequestResponse"]["status"]> = ["pending", "accepted", "declined", "cancelled"];
export const healthResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["HealthResponse"]["status"]> = ["ok"];
export const installRequestDeclinedScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InstallRequest"]["declinedScopes"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const installedAppResponseCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InstalledAppResponse"]["category"]> = ["games", "social", "tools", "lifestyle", "entertainment", "education"];
export const keywordRuleResponseActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["KeywordRuleResponse"]["action"]> = ["block", "hold", "flag"];
export const listingChangeResponseFieldValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ListingChangeResponse"]["field"]> = ["name", "description", "iconUrl", "category"];
export const livenessResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["LivenessResponse"]["status"]> = ["ok"];
export const moderatedContentStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModeratedContent"]["state"]> = ["published", "held", "rejected", "unpublished"];
export const moderatedPostContextPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModeratedPostContext"]["privacy"]> = ["public", "friends", "groups", "private"];
export const moderatedPostContextStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModeratedPostContext"]["state"]> = ["published", "held", "rejected", "unpublished"];
export const moderationCaseResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModerationCaseResponse"]["status"]> = ["open", "closed"];
export const moderationCaseResponseSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModerationCaseResponse"]["subjectType"]> = ["post", "comment", "board_message", "album", "photo"];
export const moderationDecisionResponseActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModerationDecisionResponse"]["action"]> = ["approve", "reject", "unpublish", "dismiss"];
export const moderationDecisionResponseNewStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModerationDecisionResponse"]["newState"]> = ["published", "held", "rejected", "unpublished"];
export const moderationDecisionResponsePreviousStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModerationDecisionResponse"]["previousState"]> = ["published", "held", "rejected", "unpublished"];
export const moderationDecisionResponseSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModerationDecisionResponse"]["subjectType"]> = ["post", "comment", "board_message", "album", "photo"];
export const moderationStatusStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ModerationStatus"]["state"]> = ["published", "held", "rejected", "unpublished"];
export const myOrderStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MyOrder"]["status"]> = ["pending", "paid", "delivered", "cancelled", "expired", "refunded"];
export const notificationResponseKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NotificationResponse"]["kind"]> = ["friend_request_received", "friend_request_accepted", "comment", "reply", "like", "board_message", "app_invite", "app_message", "gift_received", "gift_thanked", "order_refunded", "app_version_approved", "app_version_rejected", "app_suspended", "app_reinstated"];
export const notificationResponseSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NotificationResponse"]["subjectType"]> = ["friend_request", "comment", "post", "photo", "board_message", "gift", "order", "app"];
export const openOrderStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OpenOrder"]["status"]> = ["pending", "paid", "delivered", "cancelled", "expired", "refunded"];
export const originalPostResponseKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OriginalPostResponse"]["kind"]> = ["mood", "blog", "story"];
export const personResponseRelationshipValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PersonResponse"]["relationship"]> = ["self", "friend", "requestSent", "requestReceived", "blocking", "none"];
export const photoResponseFormatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PhotoResponse"]["format"]> = ["jpeg", "png", "webp", "gif"];
export const pluginStatusResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PluginStatusResponse"]["status"]> = ["enabled", "disabled"];
export const postResponseKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PostResponse"]["kind"]> = ["mood", "blog", "repost", "story"];
export const postResponsePrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PostResponse"]["privacy"]> = ["public", "friends", "groups", "private"];
export const readinessChecksResponseDatabaseValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReadinessChecksResponse"]["database"]> = ["ok", "failing", "pending"];
export const readinessChecksResponseMigrationsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReadinessChecksResponse"]["migrations"]> = ["ok", "failing", "pending"];
export const readinessChecksResponsePluginsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReadinessChecksResponse"]["plugins"]> = ["ok", "failing", "pending"];
export const readinessChecksResponseRedisValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReadinessChecksResponse"]["redis"]> = ["ok", "failing", "pending"];
export const readinessResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReadinessResponse"]["status"]> = ["ready"];
export const reportResponseSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReportResponse"]["subjectType"]> = ["post", "comment", "photo"];
export const scopeListChangeAddedValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ScopeListChange"]["added"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const scopeListChangeRemovedValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ScopeListChange"]["removed"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const scopeResponseScopeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ScopeResponse"]["scope"]> = ["profile:read", "friends:read", "feed:write", "storage", "gifts:send", "coins:charge", "notifications:send", "invites:send"];
export const setRolesRequestRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SetRolesRequest"]["roles"]> = ["user", "developer", "admin"];
export const shopItemResponseKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ShopItemResponse"]["kind"]> = ["theme", "skin", "music"];
export const spaceDecorationResponseBoardAccessValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SpaceDecorationResponse"]["boardAccess"]> = ["friends", "everyone"];
export const spaceDecorationResponseModulesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SpaceDecorationResponse"]["modules"]> = ["profile", "moods", "blogs", "messageBoard", "visitors", "friends"];
export const spaceProfileResponseGenderValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SpaceProfileResponse"]["gender"]> = ["unspecified", "male", "female", "other"];
export const updateAccountSettingsRequestDefaultPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateAccountSettingsRequest"]["defaultPrivacy"]> = ["public", "friends", "groups", "private"];
export const updateAlbumRequestPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateAlbumRequest"]["privacy"]> = ["public", "friends", "groups", "private"];
export const updateKeywordRuleRequestActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateKeywordRuleRequest"]["action"]> = ["block", "hold", "flag"];
export const updatePostRequestPrivacyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdatePostRequest"]["privacy"]> = ["public", "friends", "groups", "private"];
export const updateSpaceDecorationRequestBoardAccessValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateSpaceDecorationRequest"]["boardAccess"]> = ["friends", "everyone"];
export const updateSpaceDecorationRequestModulesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateSpaceDecorationRequest"]["modules"]> = ["profile", "moods", "blogs", "messageBoard", "visitors", "friends"];
export const updateSpaceProfileRequestGenderValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateSpaceProfileRequest"]["gender"]> = ["unspecified", "male", "female", "other"];
export const walletEntryResponseKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WalletEntryResponse"]["kind"]> = ["grant", "transfer", "vip_purchase", "item_purchase", "order_payment", "order_delivery", "order_refund"];
export const webhookDeliveryResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDeliveryResponse"]["status"]> = ["pending", "delivered", "failed", "undeliverable"];
export const webhookDeliveryResponseTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDeliveryResponse"]["type"]> = ["app.installed", "app.uninstalled", "app.deauthorized", "post.created", "post.held", "post.removed", "friend.added", "gift.received", "order.paid", "order.refunded", "app.reminder", "app.invited", "invite.accepted", "webhook.test"];
export const webhookResponseHealthValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookResponse"]["health"]> = ["healthy", "unhealthy"];
