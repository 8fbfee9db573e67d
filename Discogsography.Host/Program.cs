using Discogsography.Host.Commands;

return await HostCommandLine.Create().Parse(args).InvokeAsync();
