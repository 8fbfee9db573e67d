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
