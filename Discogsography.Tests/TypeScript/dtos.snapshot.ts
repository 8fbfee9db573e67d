/* Discogsography.NET DTOs for TypeScript, generated from Discogsography.ServiceModel. Do not edit:
   fetch GET /types/typescript from the API, or run `Discogsography.Host typescript --out dtos.ts`. */

/** A request whose successful answer is a T. */
export interface IReturn<T> {
    getTypeName(): string;
    getMethod(): string;
    getRoute(): string;
    readonly __responseType?: T;
}

/** The data fields of a request class: what its constructor takes (required ones must be given). */
export type Fields<T> = { [K in keyof T as K extends "__responseType" ? never : T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

// Types

export interface AccountMessageResponse {
    message: string;
}

export interface AdminDashboardResponse {
    users: UserCounts;
    discogs_connections: number;
    syncs_last24_hours: StatusCount[];
    catalogue: CatalogueFigures;
    dependencies: DependencyStatus[];
    generated_at: string;
}

export interface AdminDiscogsConnection {
    username: string | null;
    user_id: string | null;
    connected_at: string;
}

export interface AdminStatsResponse {
    syncs_per_day: DailySyncCounts[];
    sign_ins_per_hour: HourlySignIns[];
    releases_per_decade: DecadeCount[];
    undated_releases: number;
    top_genres: NamedCount[];
    generated_at: string;
}

export interface AdminSyncJob {
    sync_id: string;
    user_id: string;
    email: string;
    status: "pending" | "running" | "completed" | "failed" | "cancelled";
    phase: string | null;
    items_synced: number | null;
    pages_fetched: number | null;
    items_removed: number;
    reconcile_skipped: string[];
    attempts: number;
    error: string | null;
    started_at: string;
    completed_at: string | null;
    heartbeat_at: string | null;
    claimed_by: string | null;
    cancel_requested: boolean;
    requested_by: string | null;
}

export interface AdminTwoFactorStatus {
    enabled: boolean;
    failed_attempts: number;
    locked_until: string | null;
    recovery_codes_left: number;
}

export interface AdminUserDetail {
    user: AdminUserSummary;
    sessions: SessionSummary[];
    discogs: AdminDiscogsConnection | null;
    syncs: AdminSyncJob[];
    api_key_services: string[];
    two_factor: AdminTwoFactorStatus;
    app_tokens: AppTokenSummary[];
}

export interface AdminUserSummary {
    id: string;
    email: string;
    is_active: boolean;
    is_admin: boolean;
    created_at: string;
    last_seen_at: string | null;
    active_sessions: number;
    discogs_username: string | null;
    last_sync_status: string | null;
    last_sync_at: string | null;
}

export interface ApiKeyInfo {
    id: number;
    service_name: string;
    service_user_id: string | null;
    created_at: string;
    updated_at: string;
}

export interface AppCredentialsResponse {
    consumer_key: string;
    consumer_secret: string;
    configured: boolean;
    encrypted_at_rest: boolean;
}

export interface AppTokenList {
    active: AppTokenSummary[];
    revoked: RevokedAppToken[];
}

export interface AppTokenSummary {
    id: string;
    name: string;
    scopes: string[];
    created_at: string;
    last_used_at: string | null;
}

export interface AuditEntryInfo {
    id: number;
    created_at: string;
    user_id: string | null;
    email: string | null;
    action: string;
    resource_type: string | null;
    resource_id: string | null;
    details: unknown;
    ip: string | null;
    user_agent: string | null;
}

export interface AuthorizeDiscogsResponse {
    authorize_url: string;
    state: string;
    expires_in: number;
}

export interface AutocompleteResponse {
    results: AutocompleteResult[];
}

export interface AutocompleteResult {
    id: string;
    name: string;
    score: number;
}

export interface CatalogueFigures {
    imported_at: string | null;
    artists: number;
    labels: number;
    masters: number;
    releases: number;
    genres: number;
    styles: number;
}

export interface CatalogueStatusResponse {
    live: LiveCatalogue | null;
    import_dir: ImportFolder;
}

export interface ChangePasswordResponse {
    changed: boolean;
    sessions_ended: number;
}

export interface Collaborator {
    artist_id: string;
    artist_name: string | null;
    release_count: number;
    first_year: number;
    last_year: number;
    yearly_counts: YearCount[];
}

export interface CollaboratorsResponse {
    artist_id: string;
    artist_name: string | null;
    collaborators: Collaborator[];
    total: number;
}

export interface CollectionItem {
    id: string;
    title: string | null;
    year: number | null;
    artist: string | null;
    label: string | null;
    rating: number | null;
    date_added: string | null;
    folder_id: number | null;
}

export interface CreateSnapshotResponse {
    token: string;
    url: string;
    expires_at: string;
}

export interface CreatedAppToken {
    id: string;
    name: string;
    scopes: string[];
    token: string;
    created_at: string;
}

export interface DailySyncCounts {
    day: string;
    completed: number;
    failed: number;
    cancelled: number;
    active: number;
}

export interface DecadeCount {
    decade: number;
    count: number;
}

export interface DependencyStatus {
    name: "postgres" | "redis";
    status: "up" | "down";
    detail: string | null;
}

export interface DiscogsStatusResponse {
    connected: boolean;
    discogs_username?: string;
    discogs_user_id?: string;
    connected_at?: string;
}

export interface EmergedTag {
    name: string;
    first_year: number;
}

export interface EndAdminUserSessionsResponse {
    sessions_ended: number;
}

export interface ExpandChild {
    id: string;
    name: string;
    type: "release" | "artist" | "label" | "genre" | "style";
    year?: number | null;
    release_count?: number;
}

export interface ExpandResponse {
    children: ExpandChild[];
    total: number;
    offset: number;
    limit: number;
    has_more: boolean;
}

export interface ExploreCategory {
    id: string;
    name: string;
    category: "releases" | "labels" | "aliases" | "artists" | "genres" | "styles";
    count: number;
}

export interface ExploreCenter {
    id: string;
    name: string;
    type: "artist" | "genre" | "label" | "style";
}

export interface ExploreResponse {
    center: ExploreCenter;
    categories: ExploreCategory[];
}

export interface GenreEmergenceResponse {
    genres: EmergedTag[];
    styles: EmergedTag[];
}

export interface GenreTreeGenre {
    name: string;
    release_count: number;
    styles: GenreTreeStyle[];
}

export interface GenreTreeResponse {
    genres: GenreTreeGenre[];
}

export interface GenreTreeStyle {
    name: string;
    release_count: number;
}

export interface GetCollectionStatsResponse {
    total: number;
    by_genre: NamedCount[];
    by_decade: DecadeCount[];
    by_label: NamedCount[];
}

export interface GetRecommendationsResponse {
    recommendations: Recommendation[];
    total: number;
}

export interface GetSnapshotResponse {
    nodes: SnapshotNode[];
    center: SnapshotNode;
    created_at: string;
}

export interface GetSyncStatusResponse {
    syncs: SyncSummary[];
}

export interface GetUserStatusResponse {
    status: Record<string, ReleaseOwnership>;
}

export interface GraphCounts {
    artists: number;
    labels: number;
    releases: number;
    masters: number;
    genres: number;
    styles: number;
}

export interface GraphStatsResponse {
    total_entities: number;
    counts: GraphCounts;
}

export interface HealthResponse {
    status: "healthy" | "starting";
    service: "api";
    timestamp: string;
}

export interface HourlySignIns {
    hour: string;
    sign_ins: number;
    failed: number;
}

export interface ImportFileInfo {
    path: string;
    kind: "artists" | "labels" | "masters" | "releases";
    size_bytes: number | null;
    records: number | null;
}

export interface ImportFolder {
    path: string;
    exists: boolean;
    dump_files: ImportFolderEntry[];
}

export interface ImportFolderEntry {
    path: string;
    kind: "artists" | "labels" | "masters" | "releases";
    dump_date: string;
    size_bytes: number;
    modified_at: string;
}

export interface ImportJobInfo {
    id: string;
    url: string | null;
    path: string | null;
    checksum_url: string | null;
    status: "pending" | "running" | "completed" | "failed" | "cancelled";
    phase: "download" | "verify" | "import" | null;
    bytes_done: number;
    bytes_total: number | null;
    files: ImportFileInfo[];
    error: string | null;
    created_at: string;
    started_at: string | null;
    completed_at: string | null;
    requested_by: string | null;
    attempts: number;
    cancel_requested: boolean;
}

export interface ListSessionsResponse {
    sessions: SessionInfo[];
}

export interface LiveCatalogue {
    import_id: string;
    imported_at: string;
    origin: string | null;
    files: ImportFileInfo[];
    figures: CatalogueFigures;
}

export interface LoginResponse {
    access_token?: string;
    token_type?: "bearer";
    expires_in?: number;
    refresh_token?: string;
    requires_2fa?: boolean;
    challenge_token?: string;
    message?: string;
    warning?: string;
}

export interface LogoutResponse {
    logged_out: boolean;
}

export interface MeResponse {
    id: string;
    email: string;
    is_active: boolean;
    created_at: string;
    totp_enabled: boolean;
    is_admin: boolean;
}

export interface NamedCount {
    name: string;
    count: number;
}

export interface NodeDetails {
    id: string;
    name: string;
    year?: number | null;
    artists?: string[];
    labels?: string[];
    genres?: string[];
    styles?: string[];
    release_count?: number;
    groups?: string[];
    artist_count?: number;
}

export interface PathNode {
    id: string;
    name: string;
    type: "artist" | "label" | "genre" | "style" | "release" | "master";
    rel: string | null;
}

export interface PathResponse {
    found: boolean;
    length: number | null;
    path: PathNode[];
}

export interface QueryAdminSyncsResponse {
    syncs: AdminSyncJob[];
    total: number;
    offset: number;
    limit: number;
    has_more: boolean;
}

export interface QueryAdminUsersResponse {
    users: AdminUserSummary[];
    total: number;
    offset: number;
    limit: number;
    has_more: boolean;
}

export interface QueryAuditLogResponse {
    entries: AuditEntryInfo[];
    total: number;
    offset: number;
    limit: number;
    has_more: boolean;
}

export interface QueryCollectionResponse {
    releases: CollectionItem[];
    total: number;
    offset: number;
    limit: number;
    has_more: boolean;
}

export interface QueryImportsResponse {
    imports: ImportJobInfo[];
    total: number;
    offset: number;
    limit: number;
    has_more: boolean;
}

export interface QueryWantlistResponse {
    releases: WantlistItem[];
    total: number;
    offset: number;
    limit: number;
    has_more: boolean;
}

export interface ReadinessResponse {
    status: "ready" | "not_ready";
    checks: Record<string, string>;
}

export interface Recommendation {
    id: string;
    title: string | null;
    year: number | null;
    artist: string | null;
    label: string | null;
    genres: string[];
    score: number;
}

export interface RegisterResponse {
    message: string;
}

export interface ReleaseOwnership {
    in_collection: boolean;
    in_wantlist: boolean;
}

export interface RevokeDiscogsResponse {
    revoked: boolean;
}

export interface RevokedAppToken {
    id: string;
    name: string;
    revoked_at: string;
}

export interface SearchFacets {
    type: Record<string, number>;
    genre: Record<string, number>;
    decade: Record<string, number>;
}

export interface SearchMetadata {
    year?: number;
    genres?: string[];
}

export interface SearchPagination {
    limit: number;
    offset: number;
    has_more: boolean;
}

export interface SearchResponse {
    query: string;
    total: number;
    facets: SearchFacets;
    results: SearchResult[];
    pagination: SearchPagination;
}

export interface SearchResult {
    type: "artist" | "label" | "master" | "release";
    id: string;
    name: string;
    highlight: string;
    relevance: number;
    metadata: SearchMetadata;
}

export interface SessionInfo {
    id: string;
    created_at: string;
    last_used_at: string;
    expires_at: string;
    ip: string | null;
    user_agent: string | null;
    current: boolean;
}

export interface SessionSummary {
    id: string;
    created_at: string;
    last_used_at: string;
    expires_at: string;
    ip: string | null;
    user_agent: string | null;
}

export interface SnapshotNode {
    id: string;
    type: string;
}

export interface StatusCount {
    status: "pending" | "running" | "completed" | "failed" | "cancelled";
    count: number;
}

export interface SyncSummary {
    sync_id: string;
    sync_type: "full";
    status: "pending" | "running" | "completed" | "failed" | "cancelled";
    items_synced: number | null;
    pages_fetched: number | null;
    error: string | null;
    started_at: string;
    completed_at: string | null;
}

export interface TrendPoint {
    year: number;
    count: number;
}

export interface TrendsResponse {
    name: string;
    type: "artist" | "genre" | "label" | "style";
    data: TrendPoint[];
}

export interface TriggerSyncResponse {
    sync_id: string;
    status: "started" | "already_running";
}

export interface TwoFactorSetupResponse {
    secret: string;
    otpauth_uri: string;
    recovery_codes: string[];
    qr_code: string;
}

export interface UserCounts {
    total: number;
    active: number;
    admins: number;
}

export interface VerifyApiKeyResponse {
    status: "valid";
}

export interface VerifyDiscogsResponse {
    connected: boolean;
    discogs_username: string;
    discogs_user_id: string;
}

export interface WantlistItem {
    id: string;
    title: string | null;
    year: number | null;
    artist: string | null;
    label: string | null;
    rating: number | null;
    date_added: string | null;
}

export interface YearCount {
    year: number;
    count: number;
}

export interface YearRangeResponse {
    min_year: number | null;
    max_year: number | null;
}

// Requests

/** GET /api/oauth/authorize/discogs */
export class AuthorizeDiscogs implements IReturn<AuthorizeDiscogsResponse> {
    declare readonly __responseType?: AuthorizeDiscogsResponse;
    constructor(init: Fields<AuthorizeDiscogs> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "AuthorizeDiscogs"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/oauth/authorize/discogs"; }
}

/** GET /api/autocomplete */
export class Autocomplete implements IReturn<AutocompleteResponse> {
    declare q: string;
    declare type?: "artist" | "genre" | "label" | "style";
    declare limit?: number;
    declare readonly __responseType?: AutocompleteResponse;
    constructor(init: Fields<Autocomplete>) { Object.assign(this, init); }
    getTypeName(): string { return "Autocomplete"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/autocomplete"; }
}

/** POST /api/admin/syncs/{id}/cancel */
export class CancelAdminSync implements IReturn<AdminSyncJob> {
    declare id?: string;
    declare readonly __responseType?: AdminSyncJob;
    constructor(init: Fields<CancelAdminSync> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "CancelAdminSync"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/admin/syncs/{id}/cancel"; }
}

/** POST /api/admin/imports/{id}/cancel */
export class CancelImport implements IReturn<ImportJobInfo> {
    declare id?: string;
    declare readonly __responseType?: ImportJobInfo;
    constructor(init: Fields<CancelImport> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "CancelImport"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/admin/imports/{id}/cancel"; }
}

/** POST /api/auth/change-password */
export class ChangeAccountPassword implements IReturn<AccountMessageResponse> {
    declare current_password: string;
    declare new_password: string;
    declare readonly __responseType?: AccountMessageResponse;
    constructor(init: Fields<ChangeAccountPassword>) { Object.assign(this, init); }
    getTypeName(): string { return "ChangeAccountPassword"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/change-password"; }
}

/** POST /api/auth/password */
export class ChangePassword implements IReturn<ChangePasswordResponse> {
    declare current_password: string;
    declare new_password: string;
    declare readonly __responseType?: ChangePasswordResponse;
    constructor(init: Fields<ChangePassword>) { Object.assign(this, init); }
    getTypeName(): string { return "ChangePassword"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/password"; }
}

/** POST /api/auth/reset-confirm */
export class ConfirmPasswordReset implements IReturn<AccountMessageResponse> {
    declare token: string;
    declare new_password: string;
    declare readonly __responseType?: AccountMessageResponse;
    constructor(init: Fields<ConfirmPasswordReset>) { Object.assign(this, init); }
    getTypeName(): string { return "ConfirmPasswordReset"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/reset-confirm"; }
}

/** POST /api/auth/2fa/confirm */
export class ConfirmTwoFactor implements IReturn<AccountMessageResponse> {
    declare code: string;
    declare readonly __responseType?: AccountMessageResponse;
    constructor(init: Fields<ConfirmTwoFactor>) { Object.assign(this, init); }
    getTypeName(): string { return "ConfirmTwoFactor"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/2fa/confirm"; }
}

/** POST /api/users/api-keys */
export class CreateApiKey implements IReturn<ApiKeyInfo> {
    declare service_name?: string | null;
    declare api_key?: string | null;
    declare service_user_id?: string | null;
    declare readonly __responseType?: ApiKeyInfo;
    constructor(init: Fields<CreateApiKey> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "CreateApiKey"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/users/api-keys"; }
}

/** POST /api/user/app-tokens */
export class CreateAppToken implements IReturn<CreatedAppToken> {
    declare name: string;
    declare scopes: string[];
    declare readonly __responseType?: CreatedAppToken;
    constructor(init: Fields<CreateAppToken>) { Object.assign(this, init); }
    getTypeName(): string { return "CreateAppToken"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/user/app-tokens"; }
}

/** POST /api/snapshot */
export class CreateSnapshot implements IReturn<CreateSnapshotResponse> {
    declare nodes: SnapshotNode[];
    declare center: SnapshotNode;
    declare readonly __responseType?: CreateSnapshotResponse;
    constructor(init: Fields<CreateSnapshot>) { Object.assign(this, init); }
    getTypeName(): string { return "CreateSnapshot"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/snapshot"; }
}

/** DELETE /api/users/api-keys/{id} */
export class DeleteApiKey implements IReturn<void> {
    declare id?: number;
    declare readonly __responseType?: void;
    constructor(init: Fields<DeleteApiKey> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "DeleteApiKey"; }
    getMethod(): string { return "DELETE"; }
    getRoute(): string { return "/api/users/api-keys/{id}"; }
}

/** POST /api/auth/2fa/disable */
export class DisableTwoFactor implements IReturn<AccountMessageResponse> {
    declare code: string;
    declare password: string;
    declare readonly __responseType?: AccountMessageResponse;
    constructor(init: Fields<DisableTwoFactor>) { Object.assign(this, init); }
    getTypeName(): string { return "DisableTwoFactor"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/2fa/disable"; }
}

/** DELETE /api/admin/users/{id}/sessions */
export class EndAdminUserSessions implements IReturn<EndAdminUserSessionsResponse> {
    declare id?: string;
    declare readonly __responseType?: EndAdminUserSessionsResponse;
    constructor(init: Fields<EndAdminUserSessions> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "EndAdminUserSessions"; }
    getMethod(): string { return "DELETE"; }
    getRoute(): string { return "/api/admin/users/{id}/sessions"; }
}

/** DELETE /api/auth/sessions/{id} */
export class EndSession implements IReturn<void> {
    declare id: string;
    declare readonly __responseType?: void;
    constructor(init: Fields<EndSession>) { Object.assign(this, init); }
    getTypeName(): string { return "EndSession"; }
    getMethod(): string { return "DELETE"; }
    getRoute(): string { return "/api/auth/sessions/{id}"; }
}

/** GET /api/expand */
export class Expand implements IReturn<ExpandResponse> {
    declare node_id: string;
    declare type: "artist" | "genre" | "label" | "style";
    declare category: "releases" | "labels" | "aliases" | "artists" | "genres" | "styles";
    declare limit?: number;
    declare offset?: number;
    declare before_year?: number | null;
    declare readonly __responseType?: ExpandResponse;
    constructor(init: Fields<Expand>) { Object.assign(this, init); }
    getTypeName(): string { return "Expand"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/expand"; }
}

/** GET /api/explore */
export class Explore implements IReturn<ExploreResponse> {
    declare name: string;
    declare type?: "artist" | "genre" | "label" | "style";
    declare readonly __responseType?: ExploreResponse;
    constructor(init: Fields<Explore>) { Object.assign(this, init); }
    getTypeName(): string { return "Explore"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/explore"; }
}

/** GET /api/path */
export class FindPath implements IReturn<PathResponse> {
    declare from_name: string;
    declare from_type?: "artist" | "genre" | "label" | "style";
    declare to_name: string;
    declare to_type?: "artist" | "genre" | "label" | "style";
    declare max_depth?: number;
    declare readonly __responseType?: PathResponse;
    constructor(init: Fields<FindPath>) { Object.assign(this, init); }
    getTypeName(): string { return "FindPath"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/path"; }
}

/** GET /api/admin/dashboard */
export class GetAdminDashboard implements IReturn<AdminDashboardResponse> {
    declare readonly __responseType?: AdminDashboardResponse;
    constructor(init: Fields<GetAdminDashboard> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetAdminDashboard"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/dashboard"; }
}

/** GET /api/admin/stats */
export class GetAdminStats implements IReturn<AdminStatsResponse> {
    declare days?: number;
    declare hours?: number;
    declare readonly __responseType?: AdminStatsResponse;
    constructor(init: Fields<GetAdminStats> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetAdminStats"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/stats"; }
}

/** GET /api/admin/users/{id} */
export class GetAdminUser implements IReturn<AdminUserDetail> {
    declare id?: string;
    declare readonly __responseType?: AdminUserDetail;
    constructor(init: Fields<GetAdminUser> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetAdminUser"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/users/{id}"; }
}

/** GET /api/admin/app-credentials */
export class GetAppCredentials implements IReturn<AppCredentialsResponse> {
    declare readonly __responseType?: AppCredentialsResponse;
    constructor(init: Fields<GetAppCredentials> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetAppCredentials"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/app-credentials"; }
}

/** GET /api/admin/catalogue */
export class GetCatalogueStatus implements IReturn<CatalogueStatusResponse> {
    declare readonly __responseType?: CatalogueStatusResponse;
    constructor(init: Fields<GetCatalogueStatus> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetCatalogueStatus"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/catalogue"; }
}

/** GET /api/collaborators/{artist_id} */
export class GetCollaborators implements IReturn<CollaboratorsResponse> {
    declare artist_id: string;
    declare limit?: number;
    declare readonly __responseType?: CollaboratorsResponse;
    constructor(init: Fields<GetCollaborators>) { Object.assign(this, init); }
    getTypeName(): string { return "GetCollaborators"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/collaborators/{artist_id}"; }
}

/** GET /api/user/collection/stats */
export class GetCollectionStats implements IReturn<GetCollectionStatsResponse> {
    declare readonly __responseType?: GetCollectionStatsResponse;
    constructor(init: Fields<GetCollectionStats> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetCollectionStats"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/user/collection/stats"; }
}

/** GET /api/oauth/status/discogs */
export class GetDiscogsStatus implements IReturn<DiscogsStatusResponse> {
    declare readonly __responseType?: DiscogsStatusResponse;
    constructor(init: Fields<GetDiscogsStatus> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetDiscogsStatus"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/oauth/status/discogs"; }
}

/** GET /api/explore/genre-emergence */
export class GetGenreEmergence implements IReturn<GenreEmergenceResponse> {
    declare before_year: number;
    declare readonly __responseType?: GenreEmergenceResponse;
    constructor(init: Fields<GetGenreEmergence>) { Object.assign(this, init); }
    getTypeName(): string { return "GetGenreEmergence"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/explore/genre-emergence"; }
}

/** GET /api/genre-tree */
export class GetGenreTree implements IReturn<GenreTreeResponse> {
    declare readonly __responseType?: GenreTreeResponse;
    constructor(init: Fields<GetGenreTree> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetGenreTree"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/genre-tree"; }
}

/** GET /api/graph/stats */
export class GetGraphStats implements IReturn<GraphStatsResponse> {
    declare readonly __responseType?: GraphStatsResponse;
    constructor(init: Fields<GetGraphStats> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetGraphStats"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/graph/stats"; }
}

/** GET /health */
export class GetHealth implements IReturn<HealthResponse> {
    declare readonly __responseType?: HealthResponse;
    constructor(init: Fields<GetHealth> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetHealth"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/health"; }
}

/** GET /api/admin/imports/{id} */
export class GetImport implements IReturn<ImportJobInfo> {
    declare id?: string;
    declare readonly __responseType?: ImportJobInfo;
    constructor(init: Fields<GetImport> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetImport"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/imports/{id}"; }
}

/** GET /api/auth/me */
export class GetMe implements IReturn<MeResponse> {
    declare readonly __responseType?: MeResponse;
    constructor(init: Fields<GetMe> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetMe"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/auth/me"; }
}

/** GET /api/node/{node_id} */
export class GetNode implements IReturn<NodeDetails> {
    declare node_id: string;
    declare type?: "artist" | "genre" | "label" | "style" | "release";
    declare readonly __responseType?: NodeDetails;
    constructor(init: Fields<GetNode>) { Object.assign(this, init); }
    getTypeName(): string { return "GetNode"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/node/{node_id}"; }
}

/** GET /health/ready */
export class GetReadiness implements IReturn<ReadinessResponse> {
    declare readonly __responseType?: ReadinessResponse;
    constructor(init: Fields<GetReadiness> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetReadiness"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/health/ready"; }
}

/** GET /api/user/recommendations */
export class GetRecommendations implements IReturn<GetRecommendationsResponse> {
    declare limit?: number;
    declare readonly __responseType?: GetRecommendationsResponse;
    constructor(init: Fields<GetRecommendations> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetRecommendations"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/user/recommendations"; }
}

/** GET /api/snapshot/{token} */
export class GetSnapshot implements IReturn<GetSnapshotResponse> {
    declare token: string;
    declare readonly __responseType?: GetSnapshotResponse;
    constructor(init: Fields<GetSnapshot>) { Object.assign(this, init); }
    getTypeName(): string { return "GetSnapshot"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/snapshot/{token}"; }
}

/** GET /api/sync/status */
export class GetSyncStatus implements IReturn<GetSyncStatusResponse> {
    declare readonly __responseType?: GetSyncStatusResponse;
    constructor(init: Fields<GetSyncStatus> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetSyncStatus"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/sync/status"; }
}

/** GET /api/trends */
export class GetTrends implements IReturn<TrendsResponse> {
    declare name: string;
    declare type?: "artist" | "genre" | "label" | "style";
    declare readonly __responseType?: TrendsResponse;
    constructor(init: Fields<GetTrends>) { Object.assign(this, init); }
    getTypeName(): string { return "GetTrends"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/trends"; }
}

/** GET /api/user/status */
export class GetUserStatus implements IReturn<GetUserStatusResponse> {
    declare ids: string;
    declare readonly __responseType?: GetUserStatusResponse;
    constructor(init: Fields<GetUserStatus>) { Object.assign(this, init); }
    getTypeName(): string { return "GetUserStatus"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/user/status"; }
}

/** GET /api/explore/year-range */
export class GetYearRange implements IReturn<YearRangeResponse> {
    declare readonly __responseType?: YearRangeResponse;
    constructor(init: Fields<GetYearRange> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "GetYearRange"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/explore/year-range"; }
}

/** GET /api/users/api-keys/services */
export class ListApiKeyServices implements IReturn<string[]> {
    declare readonly __responseType?: string[];
    constructor(init: Fields<ListApiKeyServices> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "ListApiKeyServices"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/users/api-keys/services"; }
}

/** GET /api/users/api-keys */
export class ListApiKeys implements IReturn<ApiKeyInfo[]> {
    declare readonly __responseType?: ApiKeyInfo[];
    constructor(init: Fields<ListApiKeys> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "ListApiKeys"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/users/api-keys"; }
}

/** GET /api/user/app-tokens */
export class ListAppTokens implements IReturn<AppTokenList> {
    declare readonly __responseType?: AppTokenList;
    constructor(init: Fields<ListAppTokens> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "ListAppTokens"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/user/app-tokens"; }
}

/** GET /api/admin/audit/actions */
export class ListAuditActions implements IReturn<string[]> {
    declare readonly __responseType?: string[];
    constructor(init: Fields<ListAuditActions> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "ListAuditActions"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/audit/actions"; }
}

/** GET /api/auth/sessions */
export class ListSessions implements IReturn<ListSessionsResponse> {
    declare readonly __responseType?: ListSessionsResponse;
    constructor(init: Fields<ListSessions> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "ListSessions"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/auth/sessions"; }
}

/** POST /api/auth/login */
export class Login implements IReturn<LoginResponse> {
    declare email: string;
    declare password: string;
    declare readonly __responseType?: LoginResponse;
    constructor(init: Fields<Login>) { Object.assign(this, init); }
    getTypeName(): string { return "Login"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/login"; }
}

/** POST /api/auth/logout */
export class Logout implements IReturn<LogoutResponse> {
    declare readonly __responseType?: LogoutResponse;
    constructor(init: Fields<Logout> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "Logout"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/logout"; }
}

/** GET /api/admin/syncs */
export class QueryAdminSyncs implements IReturn<QueryAdminSyncsResponse> {
    declare offset?: number;
    declare limit?: number;
    declare order_by?: "started_at" | "completed_at" | "status" | "email";
    declare descending?: boolean;
    declare status?: "pending" | "running" | "completed" | "failed" | "cancelled" | null;
    declare user_id?: string | null;
    declare search?: string | null;
    declare readonly __responseType?: QueryAdminSyncsResponse;
    constructor(init: Fields<QueryAdminSyncs> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "QueryAdminSyncs"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/syncs"; }
}

/** GET /api/admin/users */
export class QueryAdminUsers implements IReturn<QueryAdminUsersResponse> {
    declare offset?: number;
    declare limit?: number;
    declare order_by?: "created_at" | "email" | "last_seen_at";
    declare descending?: boolean;
    declare search?: string | null;
    declare active?: boolean | null;
    declare admin?: boolean | null;
    declare readonly __responseType?: QueryAdminUsersResponse;
    constructor(init: Fields<QueryAdminUsers> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "QueryAdminUsers"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/users"; }
}

/** GET /api/admin/audit */
export class QueryAuditLog implements IReturn<QueryAuditLogResponse> {
    declare offset?: number;
    declare limit?: number;
    declare order_by?: "created_at" | "action" | "email";
    declare descending?: boolean;
    declare user_id?: string | null;
    declare search?: string | null;
    declare action?: string | null;
    declare from?: string | null;
    declare to?: string | null;
    declare readonly __responseType?: QueryAuditLogResponse;
    constructor(init: Fields<QueryAuditLog> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "QueryAuditLog"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/audit"; }
}

/** GET /api/user/collection */
export class QueryCollection implements IReturn<QueryCollectionResponse> {
    declare offset?: number;
    declare limit?: number;
    declare readonly __responseType?: QueryCollectionResponse;
    constructor(init: Fields<QueryCollection> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "QueryCollection"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/user/collection"; }
}

/** GET /api/admin/imports */
export class QueryImports implements IReturn<QueryImportsResponse> {
    declare offset?: number;
    declare limit?: number;
    declare readonly __responseType?: QueryImportsResponse;
    constructor(init: Fields<QueryImports> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "QueryImports"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/admin/imports"; }
}

/** GET /api/user/wantlist */
export class QueryWantlist implements IReturn<QueryWantlistResponse> {
    declare offset?: number;
    declare limit?: number;
    declare readonly __responseType?: QueryWantlistResponse;
    constructor(init: Fields<QueryWantlist> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "QueryWantlist"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/user/wantlist"; }
}

/** POST /api/auth/2fa/recovery */
export class RecoverTwoFactor implements IReturn<LoginResponse> {
    declare challenge_token: string;
    declare code: string;
    declare readonly __responseType?: LoginResponse;
    constructor(init: Fields<RecoverTwoFactor>) { Object.assign(this, init); }
    getTypeName(): string { return "RecoverTwoFactor"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/2fa/recovery"; }
}

/** POST /api/auth/refresh */
export class RefreshSession implements IReturn<LoginResponse> {
    declare refresh_token: string;
    declare readonly __responseType?: LoginResponse;
    constructor(init: Fields<RefreshSession>) { Object.assign(this, init); }
    getTypeName(): string { return "RefreshSession"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/refresh"; }
}

/** POST /api/auth/register */
export class Register implements IReturn<RegisterResponse> {
    declare email: string;
    declare password: string;
    declare readonly __responseType?: RegisterResponse;
    constructor(init: Fields<Register>) { Object.assign(this, init); }
    getTypeName(): string { return "Register"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/register"; }
}

/** POST /api/auth/reset-request */
export class RequestPasswordReset implements IReturn<AccountMessageResponse> {
    declare email: string;
    declare readonly __responseType?: AccountMessageResponse;
    constructor(init: Fields<RequestPasswordReset>) { Object.assign(this, init); }
    getTypeName(): string { return "RequestPasswordReset"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/reset-request"; }
}

/** DELETE /api/admin/users/{id}/2fa */
export class ResetAdminUserTwoFactor implements IReturn<AccountMessageResponse> {
    declare id?: string;
    declare readonly __responseType?: AccountMessageResponse;
    constructor(init: Fields<ResetAdminUserTwoFactor> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "ResetAdminUserTwoFactor"; }
    getMethod(): string { return "DELETE"; }
    getRoute(): string { return "/api/admin/users/{id}/2fa"; }
}

/** DELETE /api/admin/users/{id}/app-tokens/{token_id} */
export class RevokeAdminUserAppToken implements IReturn<void> {
    declare id?: string;
    declare token_id?: string;
    declare readonly __responseType?: void;
    constructor(init: Fields<RevokeAdminUserAppToken> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "RevokeAdminUserAppToken"; }
    getMethod(): string { return "DELETE"; }
    getRoute(): string { return "/api/admin/users/{id}/app-tokens/{token_id}"; }
}

/** DELETE /api/user/app-tokens/{token_id} */
export class RevokeAppToken implements IReturn<void> {
    declare token_id: string;
    declare readonly __responseType?: void;
    constructor(init: Fields<RevokeAppToken>) { Object.assign(this, init); }
    getTypeName(): string { return "RevokeAppToken"; }
    getMethod(): string { return "DELETE"; }
    getRoute(): string { return "/api/user/app-tokens/{token_id}"; }
}

/** DELETE /api/oauth/revoke/discogs */
export class RevokeDiscogs implements IReturn<RevokeDiscogsResponse> {
    declare readonly __responseType?: RevokeDiscogsResponse;
    constructor(init: Fields<RevokeDiscogs> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "RevokeDiscogs"; }
    getMethod(): string { return "DELETE"; }
    getRoute(): string { return "/api/oauth/revoke/discogs"; }
}

/** GET /api/search */
export class Search implements IReturn<SearchResponse> {
    declare q: string;
    declare types?: string;
    declare genres?: string;
    declare year_min?: number | null;
    declare year_max?: number | null;
    declare limit?: number;
    declare offset?: number;
    declare readonly __responseType?: SearchResponse;
    constructor(init: Fields<Search>) { Object.assign(this, init); }
    getTypeName(): string { return "Search"; }
    getMethod(): string { return "GET"; }
    getRoute(): string { return "/api/search"; }
}

/** PUT /api/admin/app-credentials */
export class SetAppCredentials implements IReturn<AppCredentialsResponse> {
    declare consumer_key: string;
    declare consumer_secret: string;
    declare readonly __responseType?: AppCredentialsResponse;
    constructor(init: Fields<SetAppCredentials>) { Object.assign(this, init); }
    getTypeName(): string { return "SetAppCredentials"; }
    getMethod(): string { return "PUT"; }
    getRoute(): string { return "/api/admin/app-credentials"; }
}

/** POST /api/auth/2fa/setup */
export class SetUpTwoFactor implements IReturn<TwoFactorSetupResponse> {
    declare readonly __responseType?: TwoFactorSetupResponse;
    constructor(init: Fields<SetUpTwoFactor> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "SetUpTwoFactor"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/2fa/setup"; }
}

/** POST /api/admin/imports */
export class StartImport implements IReturn<ImportJobInfo> {
    declare url?: string | null;
    declare path?: string | null;
    declare checksum_url?: string | null;
    declare readonly __responseType?: ImportJobInfo;
    constructor(init: Fields<StartImport> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "StartImport"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/admin/imports"; }
}

/** POST /api/admin/users/{id}/sync */
export class TriggerAdminUserSync implements IReturn<TriggerSyncResponse> {
    declare id?: string;
    declare readonly __responseType?: TriggerSyncResponse;
    constructor(init: Fields<TriggerAdminUserSync> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "TriggerAdminUserSync"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/admin/users/{id}/sync"; }
}

/** POST /api/sync */
export class TriggerSync implements IReturn<TriggerSyncResponse> {
    declare readonly __responseType?: TriggerSyncResponse;
    constructor(init: Fields<TriggerSync> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "TriggerSync"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/sync"; }
}

/** PATCH /api/admin/users/{id} */
export class UpdateAdminUser implements IReturn<AdminUserSummary> {
    declare id?: string;
    declare is_active?: boolean | null;
    declare is_admin?: boolean | null;
    declare readonly __responseType?: AdminUserSummary;
    constructor(init: Fields<UpdateAdminUser> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "UpdateAdminUser"; }
    getMethod(): string { return "PATCH"; }
    getRoute(): string { return "/api/admin/users/{id}"; }
}

/** PUT /api/users/api-keys/{id} */
export class UpdateApiKey implements IReturn<ApiKeyInfo> {
    declare id?: number;
    declare service_name?: string | null;
    declare api_key?: string | null;
    declare service_user_id?: string | null;
    declare readonly __responseType?: ApiKeyInfo;
    constructor(init: Fields<UpdateApiKey> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "UpdateApiKey"; }
    getMethod(): string { return "PUT"; }
    getRoute(): string { return "/api/users/api-keys/{id}"; }
}

/** POST /api/users/api-keys/verify */
export class VerifyApiKey implements IReturn<VerifyApiKeyResponse> {
    declare service_name?: string | null;
    declare readonly __responseType?: VerifyApiKeyResponse;
    constructor(init: Fields<VerifyApiKey> = {}) { Object.assign(this, init); }
    getTypeName(): string { return "VerifyApiKey"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/users/api-keys/verify"; }
}

/** POST /api/oauth/verify/discogs */
export class VerifyDiscogs implements IReturn<VerifyDiscogsResponse> {
    declare state: string;
    declare oauth_verifier: string;
    declare readonly __responseType?: VerifyDiscogsResponse;
    constructor(init: Fields<VerifyDiscogs>) { Object.assign(this, init); }
    getTypeName(): string { return "VerifyDiscogs"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/oauth/verify/discogs"; }
}

/** POST /api/auth/2fa/verify */
export class VerifyTwoFactor implements IReturn<LoginResponse> {
    declare challenge_token: string;
    declare code: string;
    declare readonly __responseType?: LoginResponse;
    constructor(init: Fields<VerifyTwoFactor>) { Object.assign(this, init); }
    getTypeName(): string { return "VerifyTwoFactor"; }
    getMethod(): string { return "POST"; }
    getRoute(): string { return "/api/auth/2fa/verify"; }
}

// Client

/** One item of a 422's `detail` list: where (`body`, `query` or `path`), which field, what kind of error, and why. */
export interface FieldError {
    location: string;
    field: string;
    type: string;
    message: string;
}

/** An error answer: its status, the message of its `detail`, `error` or `message`, and the field errors of a 422. */
export class ApiError extends Error {
    constructor(readonly status: number, message: string, readonly fieldErrors: FieldError[], readonly body: string) {
        super(message);
        this.name = "ApiError";
    }

    /** Reads an error response the way the C# client does. */
    static async from(response: Response): Promise<ApiError> {
        const body = await response.text();
        let parsed: unknown;
        try {
            parsed = body.length > 0 ? JSON.parse(body) : undefined;
        } catch {
            parsed = undefined;
        }
        const record = typeof parsed === "object" && parsed !== null ? parsed as Record<string, unknown> : {};
        if (Array.isArray(record.detail)) {
            const errors = record.detail.map(toFieldError);
            const message = errors.length > 0 ? errors.map(e => (e.field ? `${e.field}: ${e.message}` : e.message)).join("; ") : "Validation failed";
            return new ApiError(response.status, message, errors, body);
        }
        const text = ["detail", "error", "message"].map(key => record[key]).find((value): value is string => typeof value === "string");
        return new ApiError(response.status, text ?? (body || response.statusText), [], body);
    }
}

function toFieldError(item: unknown): FieldError {
    const record = typeof item === "object" && item !== null ? item as Record<string, unknown> : {};
    const loc = Array.isArray(record.loc) ? record.loc.map(String) : [];
    return { location: loc[0] ?? "", field: loc.slice(1).join("."), type: String(record.type ?? ""), message: String(record.msg ?? "") };
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Sends any request class to the route it records (path variables filled, other fields in the query string for
 * GET/DELETE or a JSON body otherwise) with the bearer token, and returns the typed answer or throws ApiError.
 * With a refresh token, a 401 is answered by one refresh and one retry. Needs only `fetch` (browsers, Node 18+).
 */
export class JsonApiClient {
    bearerToken?: string;
    refreshToken?: string;
    /** Called with the new tokens after a refresh, so the caller can keep them. */
    onTokensRefreshed?: (tokens: LoginResponse) => void;
    private refreshing?: Promise<boolean>;

    constructor(readonly baseUrl: string, private readonly fetchFn: Fetch = (url, init) => fetch(url, init)) {}

    async send<T>(request: IReturn<T>): Promise<T> {
        const tokenUsed = this.bearerToken;
        let response = await this.fetchOnce(request);
        if (response.status === 401 && !(request instanceof RefreshSession) && !(request instanceof Login) && await this.refresh(tokenUsed)) {
            response = await this.fetchOnce(request);
        }
        if (!response.ok) {
            throw await ApiError.from(response);
        }
        const text = response.status === 204 ? "" : await response.text();
        return (text.length > 0 ? JSON.parse(text) : undefined) as T;
    }

    /** One refresh for every request that failed with the same token (a rotated refresh token works only once). */
    private refresh(tokenUsed: string | undefined): Promise<boolean> {
        if (this.bearerToken !== tokenUsed) {
            return Promise.resolve(true);
        }
        if (!this.refreshToken) {
            return Promise.resolve(false);
        }
        this.refreshing ??= this.rotate(this.refreshToken).finally(() => (this.refreshing = undefined));
        return this.refreshing;
    }

    private async rotate(refreshToken: string): Promise<boolean> {
        const response = await this.fetchOnce(new RefreshSession({ refresh_token: refreshToken }));
        if (!response.ok) {
            this.refreshToken = undefined;
            return false;
        }
        const tokens = await response.json() as LoginResponse;
        this.bearerToken = tokens.access_token;
        this.refreshToken = tokens.refresh_token;
        this.onTokensRefreshed?.(tokens);
        return true;
    }

    private fetchOnce<T>(request: IReturn<T>): Promise<Response> {
        const method = request.getMethod();
        const values: Record<string, unknown> = { ...request };
        const path = request.getRoute().replace(/\{(\w+)\}/g, (_, name: string) => {
            const value = values[name];
            delete values[name];
            if (value === undefined || value === null) {
                throw new Error(`${request.getTypeName()}.${name} is required by the route ${request.getRoute()}`);
            }
            return encodeURIComponent(String(value));
        });
        const headers: Record<string, string> = { Accept: "application/json" };
        if (this.bearerToken) {
            headers.Authorization = `Bearer ${this.bearerToken}`;
        }
        const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
        if (hasBody) {
            headers["Content-Type"] = "application/json";
        }
        const url = this.baseUrl.replace(/\/+$/, "") + path + (hasBody ? "" : queryString(values));
        return this.fetchFn(url, { method, headers, body: hasBody ? JSON.stringify(values) : undefined });
    }
}

function queryString(values: Record<string, unknown>): string {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) {
        for (const item of Array.isArray(value) ? value : [value]) {
            if (item !== undefined && item !== null) {
                query.append(name, String(item));
            }
        }
    }
    const text = query.toString();
    return text.length > 0 ? "?" + text : "";
}
