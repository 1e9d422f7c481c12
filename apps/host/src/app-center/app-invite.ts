/** An invite to an app, pending until the invitee installs the app. */
export interface AppInvite {
  id: string;
  appId: string;
  inviterId: string;
  inviteeId: string;
  createdAt: Date;
  acceptedAt: Date | null;
}
