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
await using var app = AdminApp.Build(settings);
await app.RunAsync();
return 0;
