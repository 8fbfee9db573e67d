using System.Text.Json.Nodes;
using Discogsography.Host.TypeScript;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Catalogue;
using Discogsography.Tests.Integration.Process;

namespace Discogsography.Tests.TypeScript;

/// <summary>
/// The generated TypeScript module (issue: TypeScript DTOs): it compiles in strict mode with a usage file, wrong
/// usages do not, it changes only together with its committed snapshot, and its client works under Node.
/// </summary>
public sealed class TypeScriptDtoTests : ApiTest
{
    private static readonly string SnapshotPath = Path.Combine(RepositoryPaths.Root, "Discogsography.Tests", "TypeScript",
        "dtos.snapshot.ts");

    private const string Usage = """
        import { ApiError, ApiKeyInfo, DeleteApiKey, Explore, ExploreResponse, GetMe, JsonApiClient, ListApiKeys, Login, LoginResponse,
                 QueryCollection, TriggerSync } from "./dtos";

        export async function tour(client: JsonApiClient): Promise<string> {
            const login: LoginResponse = await client.send(new Login({ email: "a@example.com", password: "password123" }));
            client.bearerToken = login.access_token;
            client.refreshToken = login.refresh_token;
            const explore: ExploreResponse = await client.send(new Explore({ name: "The Persuader", type: "artist" }));
            const first: "releases" | "labels" | "aliases" | "artists" | "genres" | "styles" = explore.categories[0].category;
            const page = await client.send(new QueryCollection({ limit: 10 }));
            const keys: ApiKeyInfo[] = await client.send(new ListApiKeys());
            const sync = await client.send(new TriggerSync());
            const nothing: void = await client.send(new DeleteApiKey({ id: 3 }));
            try {
                await client.send(new GetMe());
            } catch (e) {
                if (e instanceof ApiError) return `${e.status} ${e.message} ${e.fieldErrors.length}`;
            }
            return `${first} ${page.has_more} ${keys.length} ${sync.status === "already_running"} ${String(nothing)}`;
        }
        """;

    [Test]
    public async Task The_module_compiles_in_strict_mode_with_a_usage_file()
    {
        var folder = TypeScriptToolchain.Project(await GetModuleAsync(), ("usage.ts", Usage));

        var (exitCode, output) = await TypeScriptToolchain.CompileAsync(folder);

        Assert.That(exitCode, Is.Zero, output);
    }

    [Test]
    public async Task Wrong_field_names_wrong_response_types_and_missing_fields_do_not_compile()
    {
        var folder = TypeScriptToolchain.Project(await GetModuleAsync(), ("wrong.ts", """
            import { ExploreResponse, JsonApiClient, Login } from "./dtos";

            export async function wrong(client: JsonApiClient): Promise<ExploreResponse> {
                await client.send(new Login({ emial: "a@example.com", password: "password123" }));
                await client.send(new Login({ email: "a@example.com" }));
                const explore: ExploreResponse = await client.send(new Login({ email: "a@example.com", password: "password123" }));
                return explore;
            }
            """));

        var (exitCode, output) = await TypeScriptToolchain.CompileAsync(folder);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("wrong.ts(4,").And.Contain("'emial' does not exist in type 'Fields<Login>'"));
        Assert.That(output, Does.Contain("wrong.ts(5,").And.Contain("Property 'password' is missing"));
        Assert.That(output, Does.Contain("wrong.ts(6,").And.Contain("Type 'LoginResponse' is missing the following properties from type 'ExploreResponse'"));
    }

    [Test]
    public async Task The_module_changes_only_together_with_its_committed_snapshot()
    {
        var served = await GetModuleAsync();
        var (exitCode, offline, _) = await HostProcess.RunAsync(new Dictionary<string, string>(), "typescript");

        Assert.That(exitCode, Is.Zero);
        Assert.That(offline, Is.EqualTo(served), "the typescript verb writes what /types/typescript serves");
        Assert.That(served, Is.EqualTo(File.ReadAllText(SnapshotPath)),
            $"A DTO changed: review the generated TypeScript, then update {SnapshotPath} (run the explicit task Regenerate_the_snapshot).");
    }

    [Test]
    public void Enums_lists_dictionaries_and_nullable_fields_map_onto_their_TypeScript_forms()
    {
        var module = TypeScriptGenerator.Generate(typeof(TypeScriptDtoTests).Assembly);

        Assert.That(module, Does.Contain("    declare color?: \"deep_red\" | \"blue\" | null;"));
        Assert.That(module, Does.Contain("    declare tags?: string[];"));
        Assert.That(module, Does.Contain("    declare item_id: string;"));
        Assert.That(module, Does.Contain("export class DeleteProbe implements IReturn<void> {"));
        Assert.That(module, Does.Contain("    getRoute(): string { return \"/test/probe/{item_id}\"; }"));
    }

    [Test]
    public async Task The_TypeScript_client_logs_in_explores_refreshes_and_reports_errors_under_Node()
    {
        var oracle = await CatalogueFixture.OracleAsync();
        var artist = oracle.ArtistName(oracle.Releases[0].Artists[0].Id);
        var folder = TypeScriptToolchain.Project(await GetModuleAsync(), ("tour.ts", NodeTour));
        var compiled = await TypeScriptToolchain.CompileAsync(folder, emit: true);
        Assert.That(compiled.ExitCode, Is.Zero, compiled.Output);

        var (exitCode, output) = await TypeScriptToolchain.NodeAsync(folder, "tour.js", Host.ApiUrl.ToString(), "node@example.com",
            Accounts.Password, artist);

        Assert.That(exitCode, Is.Zero, output);
        var result = JsonNode.Parse(output)!;
        var explore = await Client.SendAsync(new ServiceModel.Explore { Name = artist, Type = "artist" });
        Assert.That(result["email"]!.GetValue<string>(), Is.EqualTo("node@example.com"));
        Assert.That(result["center"]!["name"]!.GetValue<string>(), Is.EqualTo(artist));
        Assert.That(result["counts"]!.AsArray().Select(c => c!.GetValue<int>()), Is.EqualTo(explore.Categories.Select(c => c.Count)));
        Assert.That((result["error"]!["status"]!.GetValue<int>(), result["error"]!["message"]!.GetValue<string>()),
            Is.EqualTo((404, "Artist 'Nobody At All' not found")));
        Assert.That(result["refreshed"]!.GetValue<bool>(), Is.True, "a 401 was answered by one refresh and one retry");
    }

    [Test, Explicit, Category("Tasks")]
    public async Task Regenerate_the_snapshot() => await File.WriteAllTextAsync(SnapshotPath, await GetModuleAsync());

    private const string NodeTour = """
        import { ApiError, Explore, GetMe, JsonApiClient, Login, Register } from "./dtos";

        declare const process: { argv: string[]; exitCode: number };

        async function tour(): Promise<void> {
            const [baseUrl, email, password, artist] = process.argv.slice(2);
            const client = new JsonApiClient(baseUrl);
            await client.send(new Register({ email, password }));
            const login = await client.send(new Login({ email, password }));
            client.bearerToken = login.access_token;
            client.refreshToken = login.refresh_token;
            const explore = await client.send(new Explore({ name: artist, type: "artist" }));
            let error: { status: number; message: string } | null = null;
            try {
                await client.send(new Explore({ name: "Nobody At All", type: "artist" }));
            } catch (e) {
                if (e instanceof ApiError) error = { status: e.status, message: e.message };
            }
            client.bearerToken = "no.longer.valid";
            const me = await client.send(new GetMe());
            const refreshed = client.refreshToken !== login.refresh_token && client.bearerToken !== "no.longer.valid";
            console.log(JSON.stringify({ email: me.email, center: explore.center, counts: explore.categories.map(c => c.count), error, refreshed }));
        }

        tour().catch(e => { console.error(e); process.exitCode = 1; });
        """;

    private async Task<string> GetModuleAsync()
    {
        using var response = await Http.GetAsync("/types/typescript");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        return await response.Content.ReadAsStringAsync();
    }
}
