using Discogsography.Host.Commands;

// discogs-setup keeps the Python tool's argparse behaviour, so it is routed before System.CommandLine parses.
if (args is [DiscogsSetupCommand.Name, .. var setupArguments])
    return await DiscogsSetupCommand.RunAsync(setupArguments, Console.Out, Console.Error, CancellationToken.None);
return await HostCommandLine.Create().Parse(args).InvokeAsync();
