using Discogsography.Admin;

AdminSettings settings;
try
{
    settings = AdminSettings.FromEnvironment(Environment.GetEnvironmentVariable);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
if (args is ["healthcheck"])
    return await AdminHealthcheck.RunAsync(settings);
await using var app = AdminApp.Build(settings);
await app.RunAsync();
return 0;
