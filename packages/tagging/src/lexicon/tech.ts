import type { LexiconEntry } from './types.ts';

/** Technology: software and programming, devices and hardware, AI, infrastructure and security. */
export const tech: LexiconEntry = {
  strong: [
    // software and programming
    `tech technology software hardware programming programmer programmers developer developers coding linux macos api
      apis javascript typescript golang kubernetes k8s docker aws azure gcp google+cloud github gitlab open+source
      machine+learning deep+learning neural+network neural+networks chatgpt openai llm llms gpt gpt+4 gpt+4o
      artificial+intelligence generative+ai genai prompt+engineering fine+tuning fine+tuned+a+model firmware
      cybersecurity infosec devops sre frontend backend full+stack fullstack web+dev webdev compiler compilers vscode
      vs+code neovim vim emacs jetbrains intellij xcode debugging debug debugged deploy deployed deployment
      deployments database databases sql nosql postgres postgresql mysql sqlite mongodb redis kafka elasticsearch
      graphql grpc websocket websockets microservices serverless terraform ansible cloudflare vercel netlify heroku
      techie pull+request pull+requests merge+conflict merge+conflicts code+review code+reviews refactor refactoring
      refactored unit+tests unit+test test+suite ci+cd ci+pipeline stack+overflow stackoverflow segfault memory+leak
      race+condition null+pointer regex latency hacker+news hackernews nodejs node+js deno reactjs react+native nextjs
      next+js svelte tailwind css html webpack vite rustlang rust+compiler borrow+checker python+script kotlin
      ruby+on+rails laravel django fastapi haskell erlang clojure zig wasm webassembly jupyter numpy pytorch
      tensorflow hugging+face data+science data+scientist data+engineering data+engineer software+engineer
      software+engineering software+developer dev+team side+project+app shipped+a+feature shipped+the+feature
      git+commit git+push force+push commit+history command+line cli+tool dotfiles shell+script bash+script scripting
      automation+script home+server on+call+shift prod+is+down production+outage postmortem incident+report
      staging+environment load+balancer kubernetes+cluster docker+compose container+image vpn password+manager malware
      ransomware phishing zero+day vulnerability vulnerabilities cve encryption 2fa two+factor firewall 💻 🖥️ 🖥 🧑‍💻 👩‍💻
      👨‍💻`,
    // devices and hardware
    `macbook macbook+pro macbook+air imac mac+mini mac+studio iphone iphone+16 iphone+15 ipad ipad+pro apple+watch
      airpods airpods+pro vision+pro ios ipados android smartphone smartphones gadget gadgets raspberry+pi arduino
      esp32 microcontroller chromebook thinkpad framework+laptop dell+xps pixel+phone pixel+9 galaxy+s24
      samsung+galaxy oneplus xiaomi huawei windows+11 windows+10 ubuntu debian arch+linux nixos fedora+linux uefi
      nvidia amd intel+chip ryzen rtx rtx+4090 rtx+4080 rtx+5090 geforce radeon gpu cpu ssd nvme motherboard
      power+supply psu pc+build built+a+pc new+build+pc ultrawide oled+monitor 4k+monitor mechanical+keyboard keycaps
      keychron logitech+mx homelab home+lab self+hosted selfhosted proxmox home+assistant smart+home smart+speaker
      smartwatch smart+watch wearable e+ink usb+c thunderbolt hdmi bluetooth mesh+wifi ethernet router+firmware wifi+7
      3d+printer 3d+printing robotics virtual+reality augmented+reality meta+quest quest+3 apple+vision oculus
      drone+build`,
    // companies and products
    `microsoft+teams github+copilot anthropic claude+ai gemini+ai midjourney stable+diffusion dall+e spacex starlink
      silicon+valley big+tech apple+event wwdc google+io ces+2025 product+hunt+launch tech+news tech+twitter
      tech+conference tech+talk tech+industry tech+company tech+companies`,
    // tools, services and dev talk
    `tailscale wireguard pihole pi+hole unraid truenas plex+server jellyfin zigbee home+assistant+automation
      obsidian+vault notion+template figma jira confluence postman supabase firebase prisma htmx astro+build cursor+ai
      cursor+ide claude+code copilot+suggestions github+actions gitlab+ci merged+my+pr opened+a+pr pr+review
      pr+reviews code+freeze sprint+planning tech+lead engineering+manager staff+engineer lubed+switches
      linear+switches tactile+switches hot+swap keyboard+build custom+keyboard split+keyboard homelab+setup
      server+rack rack+mount 10gbe home+network network+switch`,
    `smart+bulbs smart+bulb smart+plug smart+plugs smart+lights smart+lock smart+thermostat nest+thermostat
      ring+doorbell philips+hue hue+lights hue+bulbs`,
    `tests+pass tests+are+passing ci+is+red ci+is+green hotfix bug+fix bugfix got+paged paged+at+3am prod+down
      pushed+to+prod in+prod the+codebase database+migration schema+migration merge+request`,
  ],
  normal: [
    `code coding+session ai python rust server servers benchmark benchmarks cloud bug bugs hacker hackers keyboard pc
      microsoft google apple samsung vr router geek geeks robot robots algorithm algorithms usb 5g app+update windows
      3d+printer 3d+printing semiconductor semiconductors chip chips m4 m3 startup+tech ⌨️ ⌨ 🤖 📱 new+laptop new+pc
      new+monitor new+keyboard upgraded+my+laptop upgraded+my+phone battery+life screen+size refresh+rate 120hz 144hz
      spec+bump benchmarked overclock overclocked overclocking jailbreak jailbroken sideload sideloading root+access
      terminal+commands developer+tools dev+tools ide open+source+project repo repos repository codebase code+base
      legacy+code tech+debt technical+debt spaghetti+code pair+programming hackathon hackathons leetcode system+design
      the+algorithm+is ai+model ai+models language+model large+language+model neural chatbot chatbots prompting
      agentic ai+agent ai+agents vibe+coding copilot+wrote encryption+keys ssh ssh+key ssl tls dns domain+name
      web+server web+app webapp web+apps browser+extension chrome+extension firefox safari+browser browser+tab
      tabs+open linux+distro distro distros spreadsheet+formula excel+formula pivot+table macros+in vba smartwatch
      earbuds headphones+with noise+cancelling charger+cable data+center datacenter data+centers gpus cpus tpu
      chipmaker tsmc arm+chip risc+v netflix+engineering cloud+bill aws+bill outage+at pager rollback kernel nas
      copilot robot+vacuum elon+musk zuckerberg sam+altman jensen+huang tim+cook bill+gates satya+nadella
      sundar+pichai`,
    `cursor+wrote wrote+half+my+pr my+pr+got pr+got+merged pull+requests`,
    `engineering+manager`,
  ],
  weak: `app apps phone+died new+phone wifi saas update updates install installed installing build terminal monitor
    screen pixel nerd glitch battery data tesla laptop notifications users charging browser reboot rebooted restart
    restarted crash crashed crashing freeze froze frozen beta engineer engineers engineering dev devs script scripts
    configure configured configuring migrate migrated migrating migration upgrade upgraded automate automated
    automation gemini claude alexa siri java swift ruby node shell bash kernel+panic cache backup backups password
    passwords outage bios prompt prompts specs tablet tablets compute m2`,
};
