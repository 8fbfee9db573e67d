# syntax=docker/dockerfile:1
# Images for the API (target `api`, the default) and the Admin dashboard (target `admin`).
#   docker build -t discogsography-api .          docker build --target admin -t discogsography-admin .

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore layer: only project files and build props, so code changes do not invalidate the package cache.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Discogsography.ServiceModel/Discogsography.ServiceModel.csproj Discogsography.ServiceModel/
COPY Discogsography.ServiceInterface/Discogsography.ServiceInterface.csproj Discogsography.ServiceInterface/
COPY Discogsography.Host/Discogsography.Host.csproj Discogsography.Host/
COPY Discogsography.Admin/Discogsography.Admin.csproj Discogsography.Admin/
COPY Discogsography.Admin/build/ Discogsography.Admin/build/
RUN dotnet restore Discogsography.Host/Discogsography.Host.csproj \
 && dotnet restore Discogsography.Admin/Discogsography.Admin.csproj
COPY Discogsography.ServiceModel/ Discogsography.ServiceModel/
COPY Discogsography.ServiceInterface/ Discogsography.ServiceInterface/
COPY Discogsography.Host/ Discogsography.Host/
COPY Discogsography.Admin/ Discogsography.Admin/
RUN dotnet publish Discogsography.Host/Discogsography.Host.csproj -c Release --no-restore -o /out/host \
 && dotnet publish Discogsography.Admin/Discogsography.Admin.csproj -c Release --no-restore -o /out/admin

# Shared runtime base: a non-root user with UID/GID 1000 (the image's own UID 1000 user, if any, is replaced).
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
RUN set -eux; \
    if id -u 1000 >/dev/null 2>&1; then userdel --remove "$(id -nu 1000)" 2>/dev/null || userdel "$(id -nu 1000)"; fi; \
    if getent group 1000 >/dev/null; then groupdel "$(getent group 1000 | cut -d: -f1)"; fi; \
    groupadd --gid 1000 discogsography; \
    useradd --uid 1000 --gid 1000 --home-dir /home/discogsography --create-home --shell /usr/sbin/nologin discogsography
ENV ENVIRONMENT=production \
    BIND_ADDRESS=0.0.0.0 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /app

FROM runtime AS admin
COPY --from=build --chown=1000:1000 /out/admin /app
ENV ADMIN_PORT=8003
EXPOSE 8003
USER 1000:1000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "/app/Discogsography.Admin.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/Discogsography.Admin.dll"]

FROM runtime AS api
COPY --from=build --chown=1000:1000 /out/host /app
COPY --chmod=755 docker/discogs-setup /usr/local/bin/discogs-setup
# Downloads and server-side imports (a named volume mounted here starts with this owner, so UID 1000 can write).
RUN mkdir -p /data/imports && chown 1000:1000 /data/imports
ENV API_PORT=8004 \
    HEALTH_PORT=8005 \
    IMPORT_DIR=/data/imports
EXPOSE 8004 8005
USER 1000:1000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["dotnet", "/app/Discogsography.Host.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/Discogsography.Host.dll"]
CMD ["serve"]
