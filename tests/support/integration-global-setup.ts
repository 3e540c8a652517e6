// Placeholder replaced by the database setup (foundation); keeps the integration project runnable.
export default function setup(): void {}
